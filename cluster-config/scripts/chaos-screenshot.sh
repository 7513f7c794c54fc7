#!/usr/bin/env bash
# Runs `actors chaos` and, while its load and kills are under way, saves a screenshot of a silo's Orleans dashboard
# (headless Chromium, see dashboard-screenshot.sh): what an operator sees during the run.
# Usage: chaos-screenshot.sh OUT.png [chaos options...]
#   e.g. ACTORS_POSTGRES=... chaos-screenshot.sh docs/dashboard-chaos.png --silos 3 --duration 60 --kill-every 20 --load 50
# Waits SHOT_AFTER seconds of load before the screenshot (default 30, so a kill has happened); exits with chaos's code.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:?usage: chaos-screenshot.sh OUT.png [chaos options...]}
shift
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

cli=${ACTORS_CLI:-}
if [ -z "$cli" ]; then
  cli=$(ls -t "$root"/client/Actors.Cli/bin/{Release,Debug}/net10.0/actors.dll 2>/dev/null | head -1 || true)
fi
[ -n "$cli" ] && [ -f "$cli" ] || { echo "the actors CLI is not built (dotnet build Actors.sln), or set ACTORS_CLI" >&2; exit 2; }

run_dir=$(mktemp -d /tmp/actors-chaos-shot-XXXXXX)
dotnet "$cli" chaos --run-dir "$run_dir" "$@" > "$run_dir/chaos.out" 2>&1 &
chaos=$!
trap 'kill -INT $chaos 2>/dev/null || true' INT TERM

echo "chaos running (pid $chaos, output $run_dir/chaos.out); waiting for its load phase..." >&2
until grep -q '] load' "$run_dir/chaos.out" 2>/dev/null; do
  kill -0 $chaos 2>/dev/null || { cat "$run_dir/chaos.out" >&2; echo "chaos ended before its load phase" >&2; exit 1; }
  sleep 1
done
sleep "${SHOT_AFTER:-30}"

shot=failed
# Any silo will do; one that is being killed right now is skipped.
while read -r name url credentials; do
  if SETTLE_MS=${SETTLE_MS:-8000} "$here/dashboard-screenshot.sh" "$url" "$out" "$credentials" >&2; then
    shot="$name"
    break
  fi
done < "$run_dir/dashboards.txt"

set +e
wait $chaos
code=$?
set -e
cat "$run_dir/chaos.out"
echo "screenshot: $out (from $shot)"
exit $code
