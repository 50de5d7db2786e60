#!/usr/bin/env bash
# A PostgreSQL cluster that belongs to one test run: initdb into a temporary folder, listen only on 127.0.0.1.
#   throwaway-postgres.sh start DIR PORT   prints an Npgsql connection string to the 'postgres' database
#   throwaway-postgres.sh stop DIR         stops the cluster and deletes DIR
# Uses Debian's binaries (/usr/lib/postgresql/N/bin); as root, the server runs as the 'postgres' user.
set -euo pipefail

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || { echo "error: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
  echo "$bin"
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$2 port=$3 bin=$(pg_bin)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_postgres "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >/dev/null
    # Durability settings off: the data is thrown away with the folder.
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    dir=$2
    if [ -d "$dir/data" ]; then as_postgres "$(pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 2
    ;;
esac
