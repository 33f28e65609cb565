#!/usr/bin/env bash
# Screenshot a local HTML file with headless Chromium: scripts/screenshot.sh FILE.html OUT.png [WIDTH,HEIGHT]
set -euo pipefail
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$profile" --virtual-time-budget=5000 --window-size="${3:-1100,900}" \
  --screenshot="$2" "file://$(realpath "$1")" >/dev/null 2>&1
