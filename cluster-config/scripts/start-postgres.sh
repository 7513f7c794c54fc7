#!/usr/bin/env bash
# Starts a throwaway PostgreSQL instance for development and tests.
# PostgreSQL refuses to run as root, so the cluster is owned by the `postgres` user.
# Usage: start-postgres.sh DIR [PORT]  -> prints the connection string on stdout (last line).
set -euo pipefail
dir=${1:?usage: start-postgres.sh DIR [PORT]}
port=${2:-}

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done
}
bin=$(find_bin || true)
if [ -z "$bin" ]; then
  echo "installing PostgreSQL (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin=$(find_bin)
fi
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres

if [ -z "$port" ]; then
  port=$(python3 - <<'PY' 2>/dev/null || echo 55432
import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()
PY
)
fi

mkdir -p "$dir"
chown postgres "$dir"
chmod 700 "$dir"
if [ ! -f "$dir/PG_VERSION" ]; then
  su postgres -c "$bin/initdb -D '$dir' -U postgres --auth=trust -E UTF8 >/dev/null"
fi
su postgres -c "$bin/pg_ctl -D '$dir' -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300' -l '$dir/server.log' -w start >/dev/null"
su postgres -c "$bin/psql -h 127.0.0.1 -p $port -U postgres -tAc \"SELECT 1 FROM pg_database WHERE datname='actors'\"" | grep -q 1 \
  || su postgres -c "$bin/createdb -h 127.0.0.1 -p $port -U postgres actors"
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=actors"
