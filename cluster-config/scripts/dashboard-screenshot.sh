#!/usr/bin/env bash
# Saves a PNG of a running silo's Orleans dashboard, as an operator sees it, using headless Chromium.
# Usage: dashboard-screenshot.sh URL OUT.png [user:password]
#   e.g. dashboard-screenshot.sh http://localhost:8080/dashboard/ docs/dashboard-chaos.png ops:change-me
# Installs Chromium (apt) and puppeteer-core (npm, into cluster-config/scripts/screenshot/node_modules) when missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url=${1:?usage: dashboard-screenshot.sh URL OUT.png [user:password]}
out=${2:?usage: dashboard-screenshot.sh URL OUT.png [user:password]}
if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Chromium (apt-get)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
fi
if [ ! -d "$here/screenshot/node_modules/puppeteer-core" ]; then
  echo "installing puppeteer-core (npm)..." >&2
  (cd "$here/screenshot" && npm install --silent --no-audit --no-fund >&2)
fi
mkdir -p "$(dirname "$out")"
node "$here/screenshot/dashboard-screenshot.mjs" "$url" "$out" "${3:-}"
