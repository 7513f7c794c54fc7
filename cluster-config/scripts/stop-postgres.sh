#!/usr/bin/env bash
# Stops a PostgreSQL instance started by start-postgres.sh.
set -euo pipefail
dir=${1:?usage: stop-postgres.sh DIR}
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && bin=$d; done
su postgres -c "$bin/pg_ctl -D '$dir' -m fast -w stop >/dev/null" || true
