#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine: installs and starts what the tests need when it is
# missing, builds once in Release, runs all test projects, and ends with the runner's pass/fail summary.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

ensure_dotnet
ensure_chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build CdsHooks.sln -c Release -nologo -clp:ErrorsOnly
dotnet test CdsHooks.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
