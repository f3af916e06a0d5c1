#!/usr/bin/env bash
# Hunspell dictionaries for spelling (editor/proofing): the languages Byline promises, and the
# system's libhunspell the fast engine calls. Idempotent: nothing to do when they are there.
set -euo pipefail
PKGS="libhunspell-1.7-0 hunspell-en-us hunspell-en-gb hunspell-es hunspell-pt-br hunspell-pt-pt hunspell-fr"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq || true
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "dictionaries: $(ls /usr/share/hunspell/*.dic | xargs -n1 basename | tr '\n' ' ')"
