#!/usr/bin/env bash
# Starts the service with the embedded demo patients, SQLite and no external servers, on http://127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

ensure_dotnet
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/CdsHooks.Service -c Release -nologo -clp:ErrorsOnly
cat <<'TEXT'

  Demo EHR page:         http://127.0.0.1:5080/   (patients, chart, hooks, cards; docs/demo.md)
  CDS Hooks discovery:   http://127.0.0.1:5080/cds-services
  Demo FHIR endpoint:    http://127.0.0.1:5080/fhir  (the synthetic patients in seeds/patients, dated to today)
  Health:                http://127.0.0.1:5080/health
  Stop with Ctrl+C.

TEXT
ASPNETCORE_ENVIRONMENT=Demo exec dotnet run --project src/CdsHooks.Service -c Release --no-build --no-launch-profile
