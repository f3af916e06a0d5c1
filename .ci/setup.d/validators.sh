#!/usr/bin/env bash
# Page validators for tests/e2e (Nu HTML Checker, axe-core in headless Chromium), installed into
# the ignored project folder .tools/. Idempotent: quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=.tools

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ] \
  || [ ! -f "$TOOLS/node_modules/axe-core/axe.min.js" ] \
  || [ ! -d "$TOOLS/node_modules/playwright-core" ]; then
  mkdir -p "$TOOLS"
  # Never `npx playwright install`: the tests drive the system's Chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$TOOLS" --no-save --no-audit \
    --no-fund --loglevel=error vnu-jar axe-core playwright-core >/dev/null
fi
echo "validators: $(java -version 2>&1 | head -1); $(chromium --version 2>/dev/null | head -1)"
