#!/usr/bin/env bash
# Screenshots of every page type, in every language, at 375 px and 1280 px, with headless Chromium.
# Usage: scripts/screenshots.sh OUTPUT_DIR SCREENSHOT_DIR
set -euo pipefail
output=$(realpath "$1"); shots=$2
mkdir -p "$shots"
browser=$(command -v chromium || command -v chromium-browser)
python3 "$(dirname "$0")/site_pages.py" "$output" > "$shots/pages.txt"
while read -r name path; do
  for width in 375 1280; do
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,1600" \
      --timeout=3000 --screenshot="$shots/$name-$width.png" "file://$path" >/dev/null 2>&1 || echo "failed: $name $width" >&2
  done
done < "$shots/pages.txt"
echo "$(ls "$shots"/*.png | wc -l) screenshots in $shots"
