#!/usr/bin/env bash
# Stops what start-cluster.sh started: the gateway, then every silo, each with SIGINT (a graceful shutdown: lane deliveries
# drain, the ledger writer flushes, the silo leaves the membership table), SIGKILL for any still running after the timeout.
# Usage: stop-cluster.sh [--postgres]   --postgres also stops the throwaway PostgreSQL start-cluster.sh started (if it did).
#   ACTORS_CLUSTER_STATE  state directory (default <repo>/.cluster)   ACTORS_STOP_TIMEOUT  seconds per step (default 30)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state=${ACTORS_CLUSTER_STATE:-$root/.cluster}
timeout=${ACTORS_STOP_TIMEOUT:-30}
stop_postgres=0
for arg in "$@"; do
  case $arg in
    --postgres) stop_postgres=1 ;;
    *) echo "usage: stop-cluster.sh [--postgres]" >&2; exit 2 ;;
  esac
done

# A pid file is trusted only while its process is still one of ours (pids are reused after an exit).
ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -E 'Actors\.(Silo|Gateway)\.dll'; }

stop_all() { # pidfile...
  local pids=() names=() f pid
  for f in "$@"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if ours "$pid"; then
      kill -INT "$pid" 2>/dev/null || true
      pids+=("$pid"); names+=("$(basename "$f" .pid)")
    fi
    rm -f "$f"
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  echo "stopping ${names[*]} (SIGINT)..."
  local deadline=$((SECONDS + timeout)) running
  while :; do
    running=()
    for pid in "${pids[@]}"; do ours "$pid" && running+=("$pid"); done
    [ ${#running[@]} -eq 0 ] && return 0
    if ((SECONDS >= deadline)); then
      echo "still running after ${timeout}s, killing: ${running[*]} (SIGKILL)" >&2
      kill -KILL "${running[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.2
  done
}

if [ ! -d "$state/pids" ]; then
  echo "no cluster state in $state: nothing to stop."
else
  stop_all "$state/pids/gateway.pid"
  stop_all "$state"/pids/silo-*.pid
  rm -f "$state/silos"
  echo "cluster stopped (logs kept in $state/logs)."
fi

if [ "$stop_postgres" = 1 ]; then
  if [ -f "$state/postgres.started" ]; then
    "$root/cluster-config/scripts/stop-postgres.sh" "$state/postgres"
    rm -f "$state/postgres.started"
    echo "throwaway PostgreSQL stopped ($state/postgres kept; delete it to start empty)."
  else
    echo "no throwaway PostgreSQL was started here (ACTORS_POSTGRES was used): left alone."
  fi
fi
