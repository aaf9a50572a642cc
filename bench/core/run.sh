#!/usr/bin/env bash
# Core scrape benchmark (docs/BENCHMARKS.md, "Core: scrape latency and memory").
#
#   bench/core/run.sh [--no-build]
#
# 1. Scrape latency: an exporter built on our core (the launcher's real CLI, Jetty and client_java
#    servlet path, serving the TestCollectors exporter with `series: 10000`) under three JVM flag
#    sets, and Debian's prometheus-pushgateway holding the same 10,000 pushed series, scraped
#    interleaved by one client (bench/core/ScrapeBench.java). Then the RSS of each.
# 2. Idle memory: `java -jar saypro-monitor.jar all` with no flags, with exporters/launcher/jvm.options,
#    and with jvm.options plus C1 only; settled 10 s, scraped a few times, then VmRSS.
#
# Everything listens on 127.0.0.1 only, and every process started here is stopped on exit.
# Knobs (environment): WARMUP (200), SCRAPES (1000), SERIES (10000), SETTLE_SECONDS (10),
# IDLE_REPEATS (3), CANDIDATE_FLAGS (flags to try on top of jvm.options, measured side by side in
# both parts, e.g. CANDIDATE_FLAGS="-Xms32m"). The results also go to bench/results/core-<time>.md (not committed).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WARMUP=${WARMUP:-200}
SCRAPES=${SCRAPES:-1000}
SERIES=${SERIES:-10000}
SETTLE_SECONDS=${SETTLE_SECONDS:-10}
IDLE_REPEATS=${IDLE_REPEATS:-3}
JVM_OPTIONS="$ROOT/exporters/launcher/jvm.options"
JAR="$ROOT/exporters/launcher/target/saypro-monitor.jar"
CORE_TESTS_JAR="$ROOT/exporters/core/target/saypro-core-0.1.0-SNAPSHOT-tests.jar"

die() { echo "run.sh: $*" >&2; exit 1; }

if [[ "${1:-}" != "--no-build" ]]; then
  echo "building (skip with --no-build) ..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
[[ -f "$JAR" && -f "$CORE_TESTS_JAR" ]] || die "missing $JAR or $CORE_TESTS_JAR: build with ./mvnw -B -DskipTests package"
command -v prometheus-pushgateway >/dev/null || die "prometheus-pushgateway not found: apt-get install -y prometheus-pushgateway"
command -v curl >/dev/null || die "curl not found: apt-get install -y curl"

WORK=$(mktemp -d /tmp/saypro-bench.XXXXXX)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A loopback port no socket uses, below the kernel's ephemeral range (32768 and up by default) so
# that an outgoing connection cannot take it; the other worktrees on this machine may hold the defaults.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! ss -Htan "sport = :$port" | grep -q .; then echo "$port"; return; fi
  done
}

wait_ready() { # URL PID LOG
  for _ in $(seq 300); do
    if ! kill -0 "$2" 2>/dev/null; then
      tail -n 20 "$3" >&2
      die "process $2 for $1 died (its log above)"
    fi
    if curl -sf -o /dev/null "$1"; then return; fi
    sleep 0.1
  done
  die "$1 not ready after 30 s"
}

stop() { # PID
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

# --- 1. scrape latency ----------------------------------------------------------------------------

# The TestCollectors exporter (core's test jar) becomes the launcher's `test` command through ServiceLoader.
mkdir -p "$WORK/services/META-INF/services"
echo com.saypro.monitor.core.testkit.TestCollectors \
  >"$WORK/services/META-INF/services/com.saypro.monitor.core.exporter.ExporterDefinition"
cat >"$WORK/bench-exporter.yml" <<EOF
series: $SERIES
collectors:
  value: {enabled: false}
EOF
CLASSPATH_OURS="$JAR:$CORE_TESTS_JAR:$WORK/services"

TARGETS=()
start_ours() { # NAME JVM-FLAGS...
  local name=$1; shift
  local port; port=$(free_port)
  java "$@" -cp "$CLASSPATH_OURS" com.saypro.monitor.launcher.Launcher test \
    --config.file "$WORK/bench-exporter.yml" --web.listen-address "127.0.0.1:$port" --log.level warn \
    >"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_ready "http://127.0.0.1:$port/-/ready" "$pid" "$WORK/$name.log"
  TARGETS+=(--target "$name=http://127.0.0.1:$port/metrics=$pid")
}

start_ours "ours-default-flags"
start_ours "ours-jvm.options" "@$JVM_OPTIONS"
start_ours "ours-jvm.options+C1" "@$JVM_OPTIONS" -XX:TieredStopAtLevel=1
if [[ -n "${CANDIDATE_FLAGS:-}" ]]; then
  # shellcheck disable=SC2086 # the flags are words
  start_ours "ours-jvm.options+candidate" "@$JVM_OPTIONS" $CANDIDATE_FLAGS
fi

PGW_PORT=$(free_port)
prometheus-pushgateway --web.listen-address="127.0.0.1:$PGW_PORT" --persistence.file="" --log.level=warn \
  >"$WORK/pushgateway.log" 2>&1 &
PGW_PID=$!
PIDS+=("$PGW_PID")
wait_ready "http://127.0.0.1:$PGW_PORT/-/ready" "$PGW_PID" "$WORK/pushgateway.log"
awk -v n="$SERIES" 'BEGIN {
  print "# HELP saypro_test_series Many series."
  print "# TYPE saypro_test_series gauge"
  for (i = 0; i < n; i++) printf "saypro_test_series{index=\"%d\"} %d\n", i, i
}' >"$WORK/push.txt"
curl -sf -X PUT --data-binary "@$WORK/push.txt" "http://127.0.0.1:$PGW_PORT/metrics/job/bench" \
  || die "push to the pushgateway failed"
TARGETS+=(--target "pushgateway=http://127.0.0.1:$PGW_PORT/metrics=$PGW_PID")

RESULTS_DIR="$ROOT/bench/results"
mkdir -p "$RESULTS_DIR"
REPORT="$RESULTS_DIR/core-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "# Core scrape benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')."
  echo "nproc: $(nproc); $(free -h | awk '/^Mem:/ {print "memory: " $2 " total, " $7 " available"}');" \
    "$(java -version 2>&1 | head -1); $(prometheus-pushgateway --version 2>&1 | head -1)"
  [[ -z "${CANDIDATE_FLAGS:-}" ]] || echo "Candidate flags: $CANDIDATE_FLAGS"
  echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Scrape latency"
  echo
} | tee "$REPORT"

java "$HERE/ScrapeBench.java" --warmup "$WARMUP" --scrapes "$SCRAPES" --series "$SERIES" \
  --series-name saypro_test_series --baseline pushgateway --clock-ticks "$(getconf CLK_TCK)" "${TARGETS[@]}" \
  | tee -a "$REPORT"

for pid in "${PIDS[@]}"; do stop "$pid"; done
PIDS=()

# --- 2. idle memory of `all` ----------------------------------------------------------------------

# Not in $(...): a subshell would not run the EXIT trap, and could leave its java running.
IDLE_RESULT=
idle_rss() { # FLAGS... ; sets IDLE_RESULT to the VmRSS in kB
  local port; port=$(free_port)
  local started=$SECONDS
  java "$@" -jar "$JAR" all --web.listen-address "127.0.0.1:$port" --log.level warn >>"$WORK/all.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  wait_ready "http://127.0.0.1:$port/-/ready" "$pid" "$WORK/all.log"
  sleep $((SETTLE_SECONDS - (SECONDS - started) > 0 ? SETTLE_SECONDS - (SECONDS - started) : 0))
  for _ in 1 2 3 4 5; do curl -sf -o /dev/null -H 'Accept: text/plain;version=0.0.4' "http://127.0.0.1:$port/metrics"; done
  sleep 1
  IDLE_RESULT=$(rss_kb "$pid")
  stop "$pid"
  PIDS=()
}

declare -A IDLE_FLAGS=(
  ["no flags (JVM defaults)"]=""
  ["jvm.options"]="@$JVM_OPTIONS"
  ["jvm.options + -XX:TieredStopAtLevel=1"]="@$JVM_OPTIONS -XX:TieredStopAtLevel=1"
)
IDLE_ORDER=("no flags (JVM defaults)" "jvm.options" "jvm.options + -XX:TieredStopAtLevel=1")
if [[ -n "${CANDIDATE_FLAGS:-}" ]]; then
  IDLE_FLAGS["jvm.options + $CANDIDATE_FLAGS (candidate)"]="@$JVM_OPTIONS $CANDIDATE_FLAGS"
  IDLE_ORDER+=("jvm.options + $CANDIDATE_FLAGS (candidate)")
fi
declare -A IDLE_KB=()
for round in $(seq "$IDLE_REPEATS"); do
  for name in "${IDLE_ORDER[@]}"; do
    # shellcheck disable=SC2086 # the flags are words
    idle_rss ${IDLE_FLAGS[$name]}
    IDLE_KB[$name]+="$IDLE_RESULT "
  done
done

{
  echo
  echo "## Idle memory of \`java [flags] -jar saypro-monitor.jar all\`"
  echo
  echo "Settled ${SETTLE_SECONDS} s, 5 scrapes of the suite endpoint, 1 s, then VmRSS; ${IDLE_REPEATS} runs each, interleaved."
  echo
  echo "| flags | median RSS (MB) | each run (MB) |"
  echo "|---|---:|---|"
  for name in "${IDLE_ORDER[@]}"; do
    read -r -a runs <<<"${IDLE_KB[$name]}"
    median=$(printf '%s\n' "${runs[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    each=$(printf '%s\n' "${runs[@]}" | awk '{printf "%s%.1f", (NR>1?", ":""), $1/1024}')
    printf '| %s | %.1f | %s |\n' "$name" "$(awk -v k="$median" 'BEGIN {print k/1024}')" "$each"
  done
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$REPORT"
echo "report: $REPORT" >&2
