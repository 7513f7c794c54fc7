#!/usr/bin/env bash
# Starts a development cluster on this machine: N `cluster`-profile silos and the HTTP gateway, on PostgreSQL.
# Usage: start-cluster.sh N          (stop it with stop-cluster.sh)
# Every setting has a default and an environment override:
#   ACTORS_CLUSTER_STATE   state directory (logs, pids, silo data, throwaway PostgreSQL)   default <repo>/.cluster
#   ACTORS_POSTGRES        connection string of an existing PostgreSQL; unset = start a throwaway one in the state directory
#   ACTORS_POSTGRES_PORT   port of that throwaway PostgreSQL                                 default 55433
#   ACTORS_KAFKA           Kafka bootstrap servers for the lanes; unset = the cluster runs without lanes
#   ACTORS_SILO_PORT_BASE / ACTORS_GATEWAY_PORT_BASE / ACTORS_HTTP_PORT_BASE   silo i uses base+i   default 11111 / 30000 / 8080
#   ACTORS_GATEWAY_HTTP_PORT  the HTTP gateway                                               default 8088
#   ACTORS_CLUSTER_ID      default actors        ACTORS_ADVERTISE   address silos advertise, default 127.0.0.1
#   ACTORS_CONFIGURATION   Debug | Release       ACTORS_SKIP_BUILD=1 runs the existing build output
#   ACTORS_DASHBOARD_USER / ACTORS_DASHBOARD_PASSWORD   dashboard and /metrics credentials   default ops / actors-dev
#   ACTORS_START_TIMEOUT   seconds to wait for every /healthz                               default 120
set -euo pipefail
# Job control: without it bash starts background commands with SIGINT ignored, and stop-cluster.sh could not Ctrl-C them.
set -m

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-}
if ! [[ "$n" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: start-cluster.sh N   (N >= 1 silos)" >&2
  exit 2
fi
state=${ACTORS_CLUSTER_STATE:-$root/.cluster}
configuration=${ACTORS_CONFIGURATION:-Debug}
silo_base=${ACTORS_SILO_PORT_BASE:-11111}
gateway_base=${ACTORS_GATEWAY_PORT_BASE:-30000}
http_base=${ACTORS_HTTP_PORT_BASE:-8080}
gateway_http=${ACTORS_GATEWAY_HTTP_PORT:-8088}
cluster_id=${ACTORS_CLUSTER_ID:-actors}
advertise=${ACTORS_ADVERTISE:-127.0.0.1}
timeout=${ACTORS_START_TIMEOUT:-120}
dashboard_user=${ACTORS_DASHBOARD_USER:-ops}
dashboard_password=${ACTORS_DASHBOARD_PASSWORD:-actors-dev}
silo_dll=$root/silo/Actors.Silo/bin/$configuration/net10.0/Actors.Silo.dll
gateway_dll=$root/src/Actors.Gateway/bin/$configuration/net10.0/Actors.Gateway.dll

fail() { echo "start-cluster: $*" >&2; exit 1; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
healthy() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }
command -v curl >/dev/null || fail "curl is required (it polls /healthz)."
command -v dotnet >/dev/null || fail "dotnet is required."

mkdir -p "$state/logs" "$state/pids"

# 1. Build once; every silo runs from the same build output.
if [ "${ACTORS_SKIP_BUILD:-0}" != 1 ]; then
  echo "building silo and gateway ($configuration)..."
  for project in silo/Actors.Silo src/Actors.Gateway; do
    if ! dotnet build "$root/$project" -c "$configuration" -v quiet -nologo >"$state/logs/build.log" 2>&1; then
      tail -n 30 "$state/logs/build.log" >&2
      fail "build of $project failed; the full log is $state/logs/build.log"
    fi
  done
fi
[ -f "$silo_dll" ] || fail "silo not built: $silo_dll (run without ACTORS_SKIP_BUILD)."
[ -f "$gateway_dll" ] || fail "gateway not built: $gateway_dll (run without ACTORS_SKIP_BUILD)."

# 2. PostgreSQL: the one given, or a throwaway one owned by this state directory.
if [ -n "${ACTORS_POSTGRES:-}" ]; then
  postgres=$ACTORS_POSTGRES
  rm -f "$state/postgres.started"
elif [ -f "$state/postgres.started" ] && [ -f "$state/postgres/postmaster.pid" ] && kill -0 "$(head -1 "$state/postgres/postmaster.pid")" 2>/dev/null; then
  postgres=$(cat "$state/postgres.started")
else
  pg_port=${ACTORS_POSTGRES_PORT:-55433}
  port_in_use "$pg_port" && fail "port $pg_port (throwaway PostgreSQL) is in use; set ACTORS_POSTGRES_PORT or ACTORS_POSTGRES."
  echo "starting a throwaway PostgreSQL on port $pg_port ($state/postgres)..."
  postgres=$("$root/cluster-config/scripts/start-postgres.sh" "$state/postgres" "$pg_port" | tail -n 1) \
    || fail "PostgreSQL did not start; see $state/postgres/server.log"
  echo "$postgres" >"$state/postgres.started"
fi

# 3. Lanes: Kafka when a broker is given. A librdkafka mock lives inside one process, so N silos cannot share one.
lane_env=()
if [ -n "${ACTORS_KAFKA:-}" ]; then
  lane_env=("Actors__Lanes__Kafka__BootstrapServers=$ACTORS_KAFKA")
  lanes="Kafka at $ACTORS_KAFKA"
else
  lanes="none (set ACTORS_KAFKA=host:9092 for Kafka lanes; direct SDK and gateway calls still work)"
fi

# 4. Silos. One already running (its pid alive) is left alone, so a second start is harmless.
for ((i = 0; i < n; i++)); do
  pidfile=$state/pids/silo-$i.pid
  if alive "$pidfile"; then
    echo "silo $i already running (pid $(cat "$pidfile"))."
    continue
  fi
  for port in $((silo_base + i)) $((gateway_base + i)) $((http_base + i)); do
    port_in_use "$port" && fail "port $port (silo $i) is in use by another process; free it or move the ports with ACTORS_SILO_PORT_BASE, ACTORS_GATEWAY_PORT_BASE, ACTORS_HTTP_PORT_BASE."
  done
  mkdir -p "$state/silo-$i"
  (
    cd "$state/silo-$i"
    exec env Actors__Http__Users__"$dashboard_user"="$dashboard_password" ${lane_env[@]+"${lane_env[@]}"} \
      dotnet "$silo_dll" --profile cluster --postgres "$postgres" --cluster-id "$cluster_id" --advertise "$advertise" \
      --data "$state/silo-$i" --silo-port $((silo_base + i)) --gateway-port $((gateway_base + i)) \
      --urls "http://127.0.0.1:$((http_base + i))"
  ) </dev/null >"$state/logs/silo-$i.log" 2>&1 &
  echo $! >"$pidfile"
  echo "silo $i starting (pid $!, log $state/logs/silo-$i.log)"
done

wait_healthy() { # name pidfile url log
  local deadline=$((SECONDS + timeout))
  until healthy "$3"; do
    if ! alive "$2"; then
      tail -n 40 "$4" >&2
      fail "$1 exited before it became healthy; the full log is $4"
    fi
    ((SECONDS < deadline)) || { tail -n 40 "$4" >&2; fail "$1 not healthy at $3 after ${timeout}s; the log is $4"; }
    sleep 0.5
  done
}
for ((i = 0; i < n; i++)); do
  wait_healthy "silo $i" "$state/pids/silo-$i.pid" "http://127.0.0.1:$((http_base + i))/healthz" "$state/logs/silo-$i.log"
done

# 5. The HTTP gateway, an Orleans client of the cluster (its JWT settings are the shipped development ones).
pidfile=$state/pids/gateway.pid
if alive "$pidfile"; then
  echo "gateway already running (pid $(cat "$pidfile"))."
else
  port_in_use "$gateway_http" && fail "port $gateway_http (HTTP gateway) is in use; set ACTORS_GATEWAY_HTTP_PORT."
  (
    cd "$state"
    exec dotnet "$gateway_dll" --url "http://127.0.0.1:$gateway_http" --profile cluster --postgres "$postgres" \
      --cluster-id "$cluster_id" --gateway-port "$gateway_base"
  ) </dev/null >"$state/logs/gateway.log" 2>&1 &
  echo $! >"$pidfile"
fi
wait_healthy "gateway" "$pidfile" "http://127.0.0.1:$gateway_http/healthz" "$state/logs/gateway.log"
echo "$n" >"$state/silos"
echo "$postgres" >"$state/postgres.connection"

cat <<SUMMARY

Actors cluster '$cluster_id' is up: $n silo(s) and the HTTP gateway.
  silo  silo-port  gateway-port  http (healthz, dashboard, metrics)
SUMMARY
for ((i = 0; i < n; i++)); do
  printf '  %-4s  %-9s  %-12s  http://127.0.0.1:%s   pid %s\n' "$i" $((silo_base + i)) $((gateway_base + i)) $((http_base + i)) "$(cat "$state/pids/silo-$i.pid")"
done
cat <<SUMMARY
  dashboard     http://127.0.0.1:$http_base/dashboard/   (user $dashboard_user, password $dashboard_password)
  HTTP gateway  http://127.0.0.1:$gateway_http           (pid $(cat "$state/pids/gateway.pid"); token: actors token issue --tenant acme --scopes "read billing:write" --key YWN0b3JzLWRldmVsb3BtZW50LWtleS1kby1ub3QtdXNlLWluLXByb2R1Y3Rpb24=)
  PostgreSQL    $postgres
  lanes         $lanes
  CLI / SDK     actors --profile cluster --postgres "$postgres" --cluster-id $cluster_id billing balance --tenant acme --account cust-1
  logs          $state/logs
  stop          cluster-config/scripts/stop-cluster.sh            (add --postgres to stop the throwaway PostgreSQL too)
SUMMARY
