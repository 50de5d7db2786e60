#!/usr/bin/env bash
# Runs a benchmark in Release: `scripts/bench.sh http` (loopback throughput and latency against a ceiling route,
# needs wrk, installed from apt when missing) or `scripts/bench.sh engine` (BenchmarkDotNet, all packs)
# or `scripts/bench.sh validation` (BenchmarkDotNet, the profile validator on the realistic patient).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

ensure_dotnet
[ "${1:-}" = "http" ] && ensure_wrk
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build benchmarks/CdsHooks.Benchmarks -c Release -nologo -clp:ErrorsOnly
exec dotnet run --project benchmarks/CdsHooks.Benchmarks -c Release --no-build -- "$@"
