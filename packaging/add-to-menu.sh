#!/bin/sh
# Puts Byline in your applications menu: for the unpacked archive (the .deb does this itself).
# Run it again after moving the folder; remove the entry with the command it prints.
set -e
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps"
cp "$here/_internal/resources/icons/byline.svg" "$data/icons/hicolor/scalable/apps/byline.svg"
sed "s|^Exec=byline\$|Exec=\"$here/byline\"|" "$here/_internal/byline.desktop" \
  > "$data/applications/byline.desktop"
echo "Byline is now in your applications menu."
echo "To remove it: rm $data/applications/byline.desktop $data/icons/hicolor/scalable/apps/byline.svg"
