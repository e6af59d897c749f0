#!/usr/bin/env bash
# Renders an HTML report with headless Chromium to a PNG, to look at it.
#   scripts/screenshot-report.sh REPORT.html [OUT.png]   (default /tmp/r.png)
# Needs chromium (apt-get install -y chromium); skips with exit 0 and a message when missing.
set -euo pipefail
html="${1:?usage: $0 REPORT.html [OUT.png]}"
png="${2:-/tmp/r.png}"
bin=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$bin" ]; then echo "SKIP: chromium not found (apt-get install -y chromium)"; exit 0; fi
"$bin" --headless --disable-gpu --no-sandbox --hide-scrollbars --screenshot="$png" --window-size=1200,2000 \
  "file://$(realpath "$html")" >/dev/null 2>&1
echo "wrote $png"
