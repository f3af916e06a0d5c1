#!/usr/bin/env bash
# A real WordPress for the integration tests: Debian's PHP and MariaDB packages, and Debian's
# WordPress extracted from its .deb into .cache/wordpress (no apache2, nothing listening until a
# test starts its own instance). Idempotent: about a second when everything is in place.
set -euo pipefail
cd "$(dirname "$0")/../.."
TREE="${BYLINE_WORDPRESS_DIR:-$PWD/.cache/wordpress}"
PKGS="mariadb-server mariadb-client php-cli php-mysql php-gd php-xml php-mbstring php-getid3"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  # Package scripts must not start services (MariaDB's own, or apache on port 80).
  created_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || true
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
  [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
fi

if [ ! -f "$TREE/wp-load.php" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod 777 "$work"  # apt's _apt user downloads into it
  (cd "$work" && apt-get download -qq wordpress)
  dpkg-deb -x "$work"/wordpress_*.deb "$work/x"
  mkdir -p "$(dirname "$TREE")"
  rm -rf "$TREE"
  mv "$work/x/usr/share/wordpress" "$TREE"
fi
echo "WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$TREE/wp-includes/version.php") at $TREE"
