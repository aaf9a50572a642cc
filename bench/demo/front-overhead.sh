#!/usr/bin/env bash
# Measures the demo front's own overhead: time to first byte of GET /api/products/1 through the
# front versus straight at one backend, with a 0 ms latency fault injected on the product route,
# then the error of a 200 ms injected delay as seen through the front. Loopback only; starts one
# demo on ports 18480-18493 with its own database and stops both at the end.
#
#   bench/demo/front-overhead.sh            # N=1000 requests per series
#   N=200 bench/demo/front-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${N:-1000}
DB=saypro_demo_bench_$$
WORK=$(mktemp -d)
DEMO_PID=

cleanup() {
  if [[ -n "$DEMO_PID" ]]; then kill "$DEMO_PID" 2>/dev/null || true; wait "$DEMO_PID" 2>/dev/null || true; fi
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v curl >/dev/null || { echo "needs curl (apt-get install curl)"; exit 1; }
mvn -B -q -pl exporters/launcher -am package -DskipTests
JAR=exporters/launcher/target/saypro-monitor.jar

echo "bench-token" > "$WORK/token"
cat > "$WORK/demo.yml" <<YAML
listen_address: 127.0.0.1:18480
backends: [127.0.0.1:18491, 127.0.0.1:18492, 127.0.0.1:18493]
gateway: {listen_address: 127.0.0.1:18482}
control: {listen_address: 127.0.0.1:18481, token_file: token}
database: {url: "jdbc:postgresql://127.0.0.1:5432/$DB", user: postgres}
data_dir: data
YAML
java -jar "$JAR" demo --config.file="$WORK/demo.yml" --log.level=warn >"$WORK/demo.out" 2>&1 &
DEMO_PID=$!
for _ in $(seq 1 240); do
  if curl -sf http://127.0.0.1:18480/healthz | grep -q '"database":"up"'; then break; fi
  sleep 0.5
done
curl -sf http://127.0.0.1:18480/healthz >/dev/null || { cat "$WORK/demo.out"; exit 1; }

fault() {
  curl -sf -o /dev/null -X "$1" -H "Authorization: Bearer bench-token" "http://127.0.0.1:18481/faults" ${2:+-d "$2"}
}

# time to first byte in ms, one line per request
series() {
  local url=$1 count=$2
  for _ in $(seq 1 "$count"); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url"
  done | awk '{ printf "%.3f\n", $1 * 1000 }'
}

percentiles() {
  sort -n | awk '{ v[NR] = $1 } END {
    p50 = v[int(NR * 0.50 + 0.5)]; p99 = v[int(NR * 0.99 + 0.5)];
    printf "p50 %.2f ms  p99 %.2f ms  (n=%d)", p50, p99, NR }'
}

fault POST '{"target":"product","type":"latency","latency_ms":0}'
series http://127.0.0.1:18480/api/products/1 200 >/dev/null   # warm-up
series http://127.0.0.1:18491/api/products/1 200 >/dev/null
front=$(series http://127.0.0.1:18480/api/products/1 "$N" | percentiles)
direct=$(series http://127.0.0.1:18491/api/products/1 "$N" | percentiles)
fault DELETE
fault POST '{"target":"product","type":"latency","latency_ms":200}'
delayed=$(series http://127.0.0.1:18480/api/products/1 "$((N / 5))" | percentiles)
fault DELETE

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "through the front, 0 ms fault:      $front"
echo "straight at backend-1, 0 ms fault:  $direct"
echo "through the front, 200 ms fault:    $delayed"
