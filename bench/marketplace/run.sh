#!/usr/bin/env bash
# Side-by-side benchmark: Debian's prometheus-blackbox-exporter and the SayPro marketplace exporter
# probe the same local endpoint, which waits a known delay before answering. Reports each prober's
# error against the true delay (time to first byte and total) and CPU per 1,000 probes, as ratios.
# Loopback only; stops every process it starts.
#
#   bench/marketplace/run.sh [DELAY_MS=100] [PROBES=500] [WARMUP=3000]
#   JAVA_OPTS="-XX:+UseSerialGC" bench/marketplace/run.sh   # JVM flags for the marketplace exporter
set -euo pipefail
DELAY_MS=${1:-100}
PROBES=${2:-500}
WARMUP=${3:-3000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v prometheus-blackbox-exporter >/dev/null || {
  echo "prometheus-blackbox-exporter is missing: apt-get install prometheus-blackbox-exporter" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "nothing answered at $1" >&2; exit 1
}

JAR="$ROOT/exporters/launcher/target/saypro-monitor.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q -pl exporters/launcher -am package -DskipTests)
fi

TARGET_PORT=$(free_port); BB_PORT=$(free_port); SP_PORT=$(free_port)
TARGET="http://127.0.0.1:$TARGET_PORT/"

python3 "$HERE/delay_server.py" "$TARGET_PORT" "$DELAY_MS" & PIDS+=($!)

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
  - name: bench
    scheduled: false
    timeout: 10s
    steps:
      - name: get
        url: $TARGET
  - name: warm
    scheduled: false
    steps:
      - name: get
        url: ${TARGET}fast
YAML
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" marketplace --config.file="$WORK/marketplace.yml" --web.listen-address="127.0.0.1:$SP_PORT" \
  --log.level=warn >"$WORK/marketplace.log" 2>&1 & SP_PID=$!; PIDS+=($SP_PID)

wait_http "$TARGET"
wait_http "http://127.0.0.1:$BB_PORT/-/healthy"
wait_http "http://127.0.0.1:$SP_PORT/-/healthy"

echo "blackbox_exporter: $(prometheus-blackbox-exporter --version 2>&1 | head -1)"
echo "saypro marketplace: $(java -jar "$JAR" --version 2>&1 | head -1); $(java -version 2>&1 | head -1); JAVA_OPTS=${JAVA_OPTS:-none}"
echo "machine: $(nproc) CPUs, $(uname -sr)"
python3 "$HERE/drive.py" "$BB_PORT" "$BB_PID" "$SP_PORT" "$SP_PID" "$TARGET" "$DELAY_MS" "$PROBES" "$WARMUP"
