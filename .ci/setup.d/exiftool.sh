#!/usr/bin/env bash
# exiftool: the photo tests write IPTC/XMP into test JPEGs and read renditions back with it.
set -euo pipefail
if command -v exiftool >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=600 update -qq || true
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libimage-exiftool-perl
