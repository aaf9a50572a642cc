#!/usr/bin/env bash
# Side-by-side benchmark: Debian's prometheus-blackbox-exporter and the SayPro marketplace exporter
# probe the same demo marketplace URL, first as it is (each prober's baseline), then with a latency
# fault injected on that route through the demo's fault API. Reports each prober's error against
# the injected delay (its delayed reading minus its own baseline minus the delay) and CPU per
# 1,000 probes, as ratios. Loopback only; stops every process it starts and drops the throwaway
# PostgreSQL database it gave the demo.
#
#   bench/marketplace/run.sh [DELAY_MS=100] [PROBES=500] [WARMUP=3000]
#   MODE=python bench/marketplace/run.sh   # a Python delay server instead of the demo: no demo
#                                          # processing time at all, a pure accuracy comparison
#   JAVA_OPTS="..." bench/marketplace/run.sh   # extra JVM flags, after the shipped jvm.options
set -euo pipefail
DELAY_MS=${1:-100}
PROBES=${2:-500}
WARMUP=${3:-3000}
MODE=${MODE:-demo}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
DATABASE=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$DATABASE" ]; then
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v prometheus-blackbox-exporter >/dev/null || {
  echo "prometheus-blackbox-exporter is missing: apt-get install prometheus-blackbox-exporter" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 300); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "nothing answered at $1" >&2; exit 1
}

JAR="$ROOT/exporters/launcher/target/saypro-monitor.jar"
JVM_OPTIONS="$ROOT/exporters/launcher/jvm.options"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl exporters/launcher -am package -DskipTests)
fi

BB_PORT=$(free_port); SP_PORT=$(free_port)
case "$MODE" in
  demo)
    FRONT_PORT=$(free_port); CONTROL_PORT=$(free_port)
    DATABASE="saypro_bench_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
    TOKEN_FILE="$WORK/fault-token"
    (umask 077; od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$TOKEN_FILE")
    cat >"$WORK/demo.yml" <<YAML
backends: ["127.0.0.1:$(free_port)", "127.0.0.1:$(free_port)", "127.0.0.1:$(free_port)"]
gateway:
  listen_address: "127.0.0.1:$(free_port)"
control:
  listen_address: "127.0.0.1:$CONTROL_PORT"
YAML
    java @"$JVM_OPTIONS" -jar "$JAR" demo --config.file="$WORK/demo.yml" --web.listen-address="127.0.0.1:$FRONT_PORT" \
      --data.dir="$WORK/demo-data" --control.token-file="$TOKEN_FILE" \
      --db.url="jdbc:postgresql://127.0.0.1:5432/$DATABASE" --log.level=warn >"$WORK/demo.log" 2>&1 & PIDS+=($!)
    URL="http://127.0.0.1:$FRONT_PORT/"
    DELAYED_URL="$URL"
    DRIVE_MODE=(--fault-api "http://127.0.0.1:$CONTROL_PORT" --token-file "$TOKEN_FILE" --route home)
    ;;
  python)
    TARGET_PORT=$(free_port)
    python3 "$HERE/delay_server.py" "$TARGET_PORT" "$DELAY_MS" & PIDS+=($!)
    URL="http://127.0.0.1:$TARGET_PORT/fast"
    DELAYED_URL="http://127.0.0.1:$TARGET_PORT/"
    DRIVE_MODE=(--delayed-url "$DELAYED_URL")
    ;;
  *) echo "MODE must be demo or python, not $MODE" >&2; exit 1 ;;
esac

cat > "$WORK/blackbox.yml" <<YAML
modules:
  http_2xx:
    prober: http
    timeout: 10s
    http:
      preferred_ip_protocol: ip4
YAML
prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BB_PORT" \
  --log.level=warn >"$WORK/blackbox.log" 2>&1 & BB_PID=$!; PIDS+=($BB_PID)

cat > "$WORK/marketplace.yml" <<YAML
journeys:
  - name: base
    scheduled: false
    timeout: 10s
    steps:
      - name: get
        url: $URL
  - name: bench
    scheduled: false
    timeout: 10s
    steps:
      - name: get
        url: $DELAYED_URL
YAML
# shellcheck disable=SC2086
java @"$JVM_OPTIONS" ${JAVA_OPTS:-} -jar "$JAR" marketplace --config.file="$WORK/marketplace.yml" \
  --web.listen-address="127.0.0.1:$SP_PORT" --log.level=warn >"$WORK/marketplace.log" 2>&1 & SP_PID=$!; PIDS+=($SP_PID)

wait_http "$URL"
wait_http "http://127.0.0.1:$BB_PORT/-/healthy"
wait_http "http://127.0.0.1:$SP_PORT/-/healthy"

echo "blackbox_exporter: $(prometheus-blackbox-exporter --version 2>&1 | head -1)"
echo "saypro marketplace: $(java -jar "$JAR" --version 2>&1 | head -1); $(java -version 2>&1 | head -1);" \
  "java @exporters/launcher/jvm.options ${JAVA_OPTS:-}"
echo "machine: $(nproc) CPUs, $(uname -sr); mode $MODE"
python3 "$HERE/drive.py" --blackbox "$BB_PORT:$BB_PID" --saypro "$SP_PORT:$SP_PID" --url "$URL" \
  --delay-ms "$DELAY_MS" --probes "$PROBES" --warmup "$WARMUP" "${DRIVE_MODE[@]}"
