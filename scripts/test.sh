#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine: installs and starts what the tests need when it is
# missing (the .NET SDK, Chromium, PostgreSQL, nginx), builds once in Release, publishes the service as the Dockerfile does,
# runs the several-instances check against that output, then all test projects, ending with the runner's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

ensure_dotnet
ensure_chromium
ensure_postgres
ensure_nginx
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# One throwaway PostgreSQL for the run, on loopback; the store tests and the several-instances check use it.
pg_dir=$(mktemp -d -u /tmp/cdshooks-pg.XXXXXX)
pg_port=$(shuf -i 20000-60000 -n 1)
trap 'bash scripts/lib/throwaway-postgres.sh stop "$pg_dir"' EXIT
CDSHOOKS_TEST_POSTGRES=$(bash scripts/lib/throwaway-postgres.sh start "$pg_dir" "$pg_port")
export CDSHOOKS_TEST_POSTGRES

dotnet build CdsHooks.sln -c Release -nologo -clp:ErrorsOnly
# The same publish the Dockerfile's build stage runs (deploy/Dockerfile).
dotnet publish src/CdsHooks.Service -c Release -o artifacts/publish -nologo -clp:ErrorsOnly
bash scripts/multi-instance.sh
dotnet test CdsHooks.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
