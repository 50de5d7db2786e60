#!/usr/bin/env bash
# Several instances behind a load balancer, on loopback: two published service instances share one PostgreSQL,
# and nginx sends requests to them round-robin. Shows that
#   1. a client JWT accepted by one instance is refused when replayed to the other (shared jti replay cache);
#   2. the same feedback posted through either instance is stored once;
#   3. both instances' audit rows are in the one database.
# Uses artifacts/publish (the Dockerfile's `dotnet publish` output), publishing it when missing; PostgreSQL from
# CDSHOOKS_TEST_POSTGRES, or a throwaway cluster. Ends with "multi-instance: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prerequisites.sh

ensure_dotnet
ensure_postgres
ensure_nginx
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work=$(mktemp -d /tmp/cdshooks-multi.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$work/nginx.pid" ]; then nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true; fi
  if [ -n "${own_pg:-}" ]; then bash scripts/lib/throwaway-postgres.sh stop "$own_pg"; fi
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  return 1
}

[ -f artifacts/publish/CdsHooks.Service.dll ] || dotnet publish src/CdsHooks.Service -c Release -o artifacts/publish -nologo -clp:ErrorsOnly

# One database for both instances.
admin=${CDSHOOKS_TEST_POSTGRES:-}
if [ -z "$admin" ]; then
  own_pg="$work/pg"
  admin=$(bash scripts/lib/throwaway-postgres.sh start "$own_pg" "$(free_port)")
fi
pg_host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$admin"); pg_port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$admin")
pg_user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$admin")
psql_db() { psql -X -q -t -A -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$1" -c "$2"; }
db="cdshooks_multi_$$"
psql_db postgres "CREATE DATABASE $db" >/dev/null
connection="Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$db"

# The EHR's RS384 key pair, made now; the service trusts its public half inline.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/ehr.pem" 2>/dev/null
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
modulus=$(openssl rsa -in "$work/ehr.pem" -noout -modulus | cut -d= -f2 | tr -d '\n' | perl -pe '$_ = pack("H*", $_)' | b64url)
issuer="https://ehr.multi-instance.test"
kid="multi-rs384-1"

lb_port=$(free_port); port_a=$(free_port); port_b=$(free_port)
public_base="http://127.0.0.1:$lb_port"
start_instance() {
  local name=$1 port=$2
  env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Storage__Provider=PostgreSql Storage__ConnectionString="$connection" \
    Authentication__PublicBaseUrl="$public_base" \
    Authentication__Clients__0__Issuer="$issuer" \
    Authentication__Clients__0__Algorithms__0=RS384 \
    Authentication__Clients__0__Jwks__Keys__0__Kty=RSA \
    Authentication__Clients__0__Jwks__Keys__0__Kid="$kid" \
    Authentication__Clients__0__Jwks__Keys__0__N="$modulus" \
    Authentication__Clients__0__Jwks__Keys__0__E=AQAB \
    Audit__PatientHashKey="$(head -c 32 /dev/zero | base64)" Audit__InstanceName="$name" \
    Prefetch__FailureMode=Omit Logging__LogLevel__Default=Warning \
    dotnet artifacts/publish/CdsHooks.Service.dll >"$work/$name.log" 2>&1 &
  pids+=($!)
}
start_instance instance-a "$port_a"
start_instance instance-b "$port_b"

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $work/body;
  proxy_temp_path $work/proxy;
  fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi;
  scgi_temp_path $work/scgi;
  upstream cds { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; }
  server {
    listen 127.0.0.1:$lb_port;
    location / { proxy_pass http://cds; proxy_set_header Host \$host; proxy_buffering off; }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf"

for port in "$port_a" "$port_b"; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "instance on $port did not become ready:"; tail -20 "$work"/instance-*.log; exit 1; }
done

token() { # token AUD_PATH → a fresh RS384 client JWT for that endpoint
  local now header claims input
  now=$(date +%s)
  header=$(printf '{"alg":"RS384","typ":"JWT","kid":"%s"}' "$kid" | b64url)
  claims=$(printf '{"iss":"%s","aud":"%s%s","iat":%d,"exp":%d,"jti":"%s"}' "$issuer" "$public_base" "$1" "$now" $((now + 300)) "$(cat /proc/sys/kernel/random/uuid)" | b64url)
  input="$header.$claims"
  printf '%s.%s' "$input" "$(printf '%s' "$input" | openssl dgst -sha384 -sign "$work/ehr.pem" -binary | b64url)"
}
post() { # post URL TOKEN BODY → prints "STATUS BODY"
  curl -s -o "$work/body.json" -w '%{http_code}' -X POST "$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' --data "$3"
  printf ' %s' "$(cat "$work/body.json")"
}

passed=0 failed=0
check() { # check NAME CONDITION-RESULT
  if [ "$2" = ok ]; then passed=$((passed + 1)); echo "  ok   $1"; else failed=$((failed + 1)); echo "  FAIL $1 ($2)"; fi
}

service=/cds-services/refractory-patient-view
call='{"hook":"patient-view","hookInstance":"HOOK","context":{"userId":"Practitioner/multi","patientId":"multi-patient-1"}}'
echo "multi-instance: nginx on $public_base, instances on :$port_a and :$port_b, PostgreSQL database $db"

# 1. Replay across instances: accepted by A, refused by B; and through nginx, the repeat lands on the other instance.
t=$(token "$service")
first=$(post "http://127.0.0.1:$port_a$service" "$t" "${call/HOOK/replay-direct}")
again=$(post "http://127.0.0.1:$port_b$service" "$t" "${call/HOOK/replay-direct-again}")
check "token accepted by instance A" "$([ "${first%% *}" = 200 ] && echo ok || echo "got ${first:0:120}")"
check "same token replayed to instance B is refused with 401" "$([ "${again%% *}" = 401 ] && echo ok || echo "got ${again:0:120}")"
t=$(token "$service")
one=$(post "$public_base$service" "$t" "${call/HOOK/replay-lb}")
two=$(post "$public_base$service" "$t" "${call/HOOK/replay-lb-again}")
check "through nginx: first use 200, replay 401" "$([ "${one%% *} ${two%% *}" = "200 401" ] && echo ok || echo "got ${one%% *} ${two%% *}")"

# 2. The same feedback through nginx twice (round-robin: once per instance) is stored once.
card=$(cat /proc/sys/kernel/random/uuid)
feedback="{\"feedback\":[{\"card\":\"$card\",\"outcome\":\"overridden\",\"outcomeTimestamp\":\"2026-01-01T12:00:00Z\"}]}"
f1=$(post "$public_base$service/feedback" "$(token "$service/feedback")" "$feedback")
f2=$(post "$public_base$service/feedback" "$(token "$service/feedback")" "$feedback")
rows=$(psql_db "$db" "SELECT count(*) FROM feedback WHERE card_uuid = '$card'")
check "feedback answered 200 twice, stored 1 then 0" "$([[ "$f1" == 200*'"stored":1'* && "$f2" == 200*'"stored":0'* ]] && echo ok || echo "got ${f1:0:80} / ${f2:0:80}")"
check "one feedback row in PostgreSQL" "$([ "$rows" = 1 ] && echo ok || echo "rows=$rows")"

# 3. Audit rows of both instances in the one table.
for i in 1 2 3 4; do post "$public_base$service" "$(token "$service")" "${call/HOOK/audit-$i}" >/dev/null; done
# Audit rows are written off the request path, in batches: give the writers a moment (at most 5 s).
for _ in $(seq 1 50); do
  [ "$(psql_db "$db" "SELECT count(DISTINCT instance) FROM audit_invocation")" = 2 ] && [ "$(psql_db "$db" "SELECT count(*) FROM audit_invocation")" -ge 6 ] && break
  sleep 0.1
done
instances=$(psql_db "$db" "SELECT string_agg(DISTINCT instance, ',' ORDER BY instance) FROM audit_invocation")
hashed=$(psql_db "$db" "SELECT count(*) FROM audit_invocation WHERE patient_hash IS NOT NULL AND patient_hash <> 'multi-patient-1'")
total=$(psql_db "$db" "SELECT count(*) FROM audit_invocation")
check "audit rows from both instances ($instances)" "$([ "$instances" = instance-a,instance-b ] && echo ok || echo "instances=$instances")"
check "every audit row ($total) holds a hashed patient id" "$([ "$hashed" = "$total" ] && [ "$total" -ge 6 ] && echo ok || echo "hashed=$hashed total=$total")"
check "no instance logged the token or the patient id" "$(! grep -q -e "$t" -e multi-patient-1 "$work"/instance-*.log && echo ok || echo leaked)"

psql_db postgres "DROP DATABASE $db WITH (FORCE)" >/dev/null 2>&1 || true
echo "multi-instance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
