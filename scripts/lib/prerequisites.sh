# Shared by the run, test and benchmark scripts: finds or installs what they need on a Debian machine.
# Everything is installed from Debian's apt or Microsoft's package feed, and only when missing.

apt_install() {
  local runner=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "error: need root (or sudo) to install: $*" >&2; return 1; }
    runner="sudo"
  fi
  echo "Installing from apt: $*"
  $runner env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The .NET 10 SDK. Debian does not package it; Microsoft's feed does (packages.microsoft.com).
ensure_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    return 0
  fi
  if ! apt-cache show dotnet-sdk-10.0 >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is missing, and apt does not know dotnet-sdk-10.0." >&2
    echo "       Add Microsoft's feed (https://learn.microsoft.com/dotnet/core/install/linux-debian), then run this again." >&2
    return 1
  fi
  apt_install dotnet-sdk-10.0
}

ensure_wrk() {
  command -v wrk >/dev/null 2>&1 || apt_install wrk
}

# Debian's Chromium for the end-to-end browser tests (Playwright drives it through CHROMIUM_PATH; Playwright's own
# browser download cannot work here). Fonts for Chinese source quotes are installed with it so screenshots are legible.
ensure_chromium() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || missing+=(fonts-wqy-zenhei)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
  export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"
}

# PostgreSQL server binaries (Debian's postgresql); tests start their own cluster with throwaway-postgres.sh.
ensure_postgres() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
}

# nginx, for the several-instances script (a load balancer in front of two service instances).
ensure_nginx() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_install nginx
}
