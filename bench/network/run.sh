#!/usr/bin/env bash
# Network exporter benchmark: SayPro's `network` exporter side by side with Debian's
# prometheus-blackbox-exporter (tcp_connect and dns modules) and prometheus-smokeping-prober (ICMP),
# in one run, against the same targets: a TCP listener (socat) and a dnsmasq inside a network
# namespace this script creates, behind a path with a known injected delay.
#
# The delay is injected with `tc netem` where the kernel has it, otherwise with the userspace TUN
# relay the tests use (exporters/network/src/test/resources/.../tun-delay.py, run at real-time
# priority). Each tool is measured twice, with 0 ms and DELAY ms injected; its latency error is
# (measured at DELAY - measured at 0) - DELAY, so the path's own latency cancels out.
#
# CPU per 1,000 probes: utime + stime from /proc/PID/stat over the window, divided by the probes the
# tool sent in it (its own counters; for blackbox_exporter, the /probe requests made). All three run
# at about RATE probes per second.
#
# SayPro probes both ways: TCP connects (compared with blackbox_exporter's tcp module) and ICMP echo
# (`method: icmp`, compared with smokeping_prober's ICMP), one JVM per method. The TCP/ICMP probers
# run for the whole benchmark, STARTUP_WARM seconds before the first window. Caveat: a privileged
# smokeping_prober reads every ICMP packet on the host, so our ICMP probers running at the same time
# raise its CPU per probe (by ~60 % for 30 foreign echoes/s on loopback); see docs/BENCHMARKS.md (network section).
#
# Usage: bench/network/run.sh [DURATION_S] [DELAY_MS] [RATE]   (run as root; needs the launcher jar,
#        prometheus-blackbox-exporter, prometheus-smokeping-prober, dnsmasq, socat, python3, iproute2)
# Knobs: WARM (8 s before each window), STARTUP_WARM (180 s: a prober at 10 probes/s reaches its steady CPU per probe only after ~3 minutes of JIT), KEEP=1 keeps the work directory,
#        BEFORE_JAR=path: also run that launcher jar's TCP and ICMP probers side by side ("saypro-before"),
#        CANDIDATE_FLAGS="-XX:...": also run this jar with these extra JVM flags ("saypro-flags").
set -euo pipefail
DUR=${1:-30}
DELAY=${2:-20}
RATE=${3:-10}
WARM=${WARM:-8}
STARTUP_WARM=${STARTUP_WARM:-180}
BEFORE_JAR=${BEFORE_JAR:-}
CANDIDATE_FLAGS=${CANDIDATE_FLAGS:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=$ROOT/exporters/launcher/target/saypro-monitor.jar
RELAY=$ROOT/exporters/network/src/test/resources/com/saypro/monitor/network/tun-delay.py
[ -f "$JAR" ] || { echo "build the launcher first: ./mvnw -B -q -pl exporters/launcher -am package -DskipTests" >&2; exit 1; }
for tool in prometheus-blackbox-exporter prometheus-smokeping-prober dnsmasq socat python3 ip tc curl; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "missing $tool" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/saypro-netbench-XXXX)
SUFFIX=$(printf '%06x' $((RANDOM * 32768 + RANDOM)) | tail -c 6)
NS=saypro-bench-$SUFFIX; HOST_IF=spb${SUFFIX}h; NS_IF=spb${SUFFIX}n
THIRD=$((RANDOM % 256)); HOST_IP=10.214.$THIRD.1; NS_IP=10.214.$THIRD.2
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  ip netns del "$NS" 2>/dev/null || true
  ip link del "$HOST_IF" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 150); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }

echo "== namespace $NS, target $NS_IP"
ip netns add "$NS"
MODE=relay
ip link add "$HOST_IF" type veth peer name "$NS_IF"
if tc qdisc add dev "$HOST_IF" root netem delay 0ms 2>/dev/null; then
  MODE=netem
  ip link set "$NS_IF" netns "$NS"
  ip addr add "$HOST_IP/30" dev "$HOST_IF"
  ip netns exec "$NS" ip addr add "$NS_IP/30" dev "$NS_IF"
else
  ip link del "$HOST_IF"
  echo "0 0 0" > "$WORK/relay.conf"
  chrt -f 10 python3 "$RELAY" "$HOST_IF" "$NS_IF" "$WORK/relay.conf" > "$WORK/relay.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 50); do grep -q ready "$WORK/relay.out" 2>/dev/null && break; sleep 0.1; done
  ip link set "$NS_IF" netns "$NS"
  ip addr add "$HOST_IP" peer "$NS_IP" dev "$HOST_IF"
  ip netns exec "$NS" ip addr add "$NS_IP" peer "$HOST_IP" dev "$NS_IF"
fi
ip link set "$HOST_IF" up
ip netns exec "$NS" ip link set "$NS_IF" up
ip netns exec "$NS" ip link set lo up
echo "== delay injected by: $MODE"
impair() { # delay_ms
  if [ "$MODE" = netem ]; then tc qdisc change dev "$HOST_IF" root netem delay "${1}ms"
  else echo "$1 0 0" > "$WORK/relay.conf"; touch -d "+1 second" "$WORK/relay.conf"; fi
  sleep 0.5
}

ip netns exec "$NS" socat "TCP-LISTEN:9000,bind=$NS_IP,reuseaddr,fork,backlog=1024" OPEN:/dev/null &
PIDS+=($!)
ip netns exec "$NS" dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --port=53 \
  --listen-address="$NS_IP" --bind-interfaces --user=root --group=root --pid-file= --log-facility="$WORK/dnsmasq.log" \
  --auth-server=ns1.saypro.test,"$NS_IP" --auth-zone=saypro.test --auth-soa=2026112401,hostmaster.saypro.test \
  --host-record=www.saypro.test,10.0.0.80 &
PIDS+=($!)

BB=$(free_port); SP=$(free_port)
INTERVAL_MS=$((1000 / RATE))
cat > "$WORK/ours-tcp.yml" <<YML
collectors: {dns: {enabled: false}, pools: {enabled: false}, interfaces: {enabled: false}}
latency:
  targets:
    - {name: bench, host: $NS_IP, port: 9000, count: $RATE, spacing: $((INTERVAL_MS * 8 / 10))ms, interval: 1s, timeout: 1s}
YML
cat > "$WORK/ours-icmp.yml" <<YML
collectors: {dns: {enabled: false}, pools: {enabled: false}, interfaces: {enabled: false}}
latency:
  targets:
    - {name: bench, host: $NS_IP, method: icmp, count: $RATE, spacing: $((INTERVAL_MS * 8 / 10))ms, interval: 1s, timeout: 1s}
YML
cat > "$WORK/ours-dns.yml" <<YML
collectors: {latency: {enabled: false}, pools: {enabled: false}, interfaces: {enabled: false}}
dns:
  resolvers: [{name: ns, address: "$NS_IP:53"}]
  queries: [{name: www, resolver: ns, query: www.saypro.test, type: A, expect: [10.0.0.80], interval: ${INTERVAL_MS}ms}]
YML
cat > "$WORK/blackbox.yml" <<YML
modules:
  tcp: {prober: tcp, timeout: 2s}
  dns: {prober: dns, timeout: 2s, dns: {query_name: www.saypro.test, query_type: A, transport_protocol: udp, preferred_ip_protocol: ip4}}
YML

# One JVM per tool label and probe method, so each CPU figure is one method's. LABEL JAR MODE [FLAGS...]
STARTED=()
start_ours() {
  local label=$1 jar=$2 mode=$3; shift 3
  local port; port=$(free_port)
  java -XX:+UseSerialGC -Xmx96m "$@" -jar "$jar" network --config.file="$WORK/ours-$mode.yml" \
    --web.listen-address="127.0.0.1:$port" --log.level=warn >"$WORK/$label-$mode.log" 2>&1 &
  local pid=$!; PIDS+=($pid)
  wait_http "http://127.0.0.1:$port/metrics"
  STARTED+=("$label:$mode:http://127.0.0.1:$port:$pid")
  LAST_PID=$pid
}
prometheus-blackbox-exporter --config.file="$WORK/blackbox.yml" --web.listen-address="127.0.0.1:$BB" --log.level=warn \
  >"$WORK/blackbox.log" 2>&1 &
BB_PID=$!; PIDS+=($BB_PID)
wait_http "http://127.0.0.1:$BB/metrics"

# The TCP and ICMP probers (and smokeping_prober) run for the whole benchmark, from STARTUP_WARM
# seconds before the first window: the JIT compiles the probe path only after some hundreds of
# probes, and a long-running exporter is measured in that steady state, not in its first seconds.
for mode in tcp icmp; do
  start_ours saypro "$JAR" "$mode"
  [ -z "$BEFORE_JAR" ] || start_ours saypro-before "$BEFORE_JAR" "$mode"
  # shellcheck disable=SC2086
  [ -z "$CANDIDATE_FLAGS" ] || start_ours saypro-flags "$JAR" "$mode" $CANDIDATE_FLAGS
done
prometheus-smokeping-prober --privileged --ping.interval="${INTERVAL_MS}ms" --web.listen-address="127.0.0.1:$SP" \
  --log.level=warn "$NS_IP" >"$WORK/smokeping.log" 2>&1 &
SP_PID=$!; PIDS+=($SP_PID)
wait_http "http://127.0.0.1:$SP/metrics"
PROBERS=("${STARTED[@]}" "smokeping:icmp:http://127.0.0.1:$SP:$SP_PID")
echo "== start-up warm-up: ${STARTUP_WARM}s"
sleep "$STARTUP_WARM"

results() { # label: reads JSON lines from drive.py
  python3 -c '
import json, sys
label = sys.argv[1]
for line in sys.stdin:
    r = json.loads(line); r["delay_ms"] = int(label); print(json.dumps(r))' "$1"
}
: > "$WORK/results.jsonl"
for d in 0 "$DELAY"; do
  impair "$d"
  echo "== tcp/icmp, ${d} ms injected: ${DUR}s at ~$RATE probes/s each (after ${WARM}s warm-up)"
  python3 "$ROOT/bench/network/drive.py" tcp "$WARM" "$DUR" "$RATE" "http://127.0.0.1:$BB" "$BB_PID" "$NS_IP:9000" \
    "${PROBERS[@]}" | results "$d" | tee -a "$WORK/results.jsonl"

  echo "== dns, ${d} ms injected"
  STARTED=()
  start_ours saypro "$JAR" dns
  python3 "$ROOT/bench/network/drive.py" dns "$WARM" "$DUR" "$RATE" "http://127.0.0.1:$BB" "$BB_PID" "$NS_IP:53" \
    "${STARTED[@]}" | results "$d" | tee -a "$WORK/results.jsonl"
  kill "$LAST_PID"; wait "$LAST_PID" 2>/dev/null || true
done

echo
echo "== summary (delay injected by $MODE; error = (mean at ${DELAY} ms - mean at 0 ms) - ${DELAY} ms)"
python3 - "$WORK/results.jsonl" "$DELAY" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
delay = int(sys.argv[2])
by = {}
for r in rows:
    by.setdefault((r["tool"], r["mode"]), {})[r["delay_ms"]] = r
print(f"{'tool':13} {'mode':5} {'mean@0':>9} {'mean@D':>9} {'median@D':>9} {'error ms':>9} {'abs err':>8} {'probes':>7} {'CPU ms/1000':>12}")
summary = {}
for (tool, mode), d in sorted(by.items()):
    z, x = d.get(0), d.get(delay)
    if not z or not x or z["mean_ms"] is None or x["mean_ms"] is None:
        continue
    err = (x["mean_ms"] - z["mean_ms"]) - delay
    cpu = (z["cpu_s"] + x["cpu_s"]) / max(1, z["probes"] + x["probes"]) * 1e6
    summary[(tool, mode)] = (abs(err), cpu)
    med = f"{x['median_ms']:9.3f}" if x.get("median_ms") is not None else f"{'-':>9}"
    print(f"{tool:13} {mode:5} {z['mean_ms']:9.3f} {x['mean_ms']:9.3f} {med} {err:+9.3f} {abs(err):8.3f} {int(z['probes'] + x['probes']):7d} {cpu:12.1f}")
def ratio(a, b):
    if a in summary and b in summary:
        ea, ca = summary[a]; eb, cb = summary[b]
        print(f"ratio {a[0]}/{b[0]} ({a[1]} vs {b[1]}): abs error {ea / eb if eb else float('nan'):.2f}x, CPU per probe {ca / cb:.2f}x")
print()
ratio(("saypro", "tcp"), ("blackbox", "tcp"))
ratio(("saypro", "icmp"), ("smokeping", "icmp"))
ratio(("saypro", "tcp"), ("smokeping", "icmp"))
ratio(("saypro", "dns"), ("blackbox", "dns"))
for label in ("saypro-before", "saypro-flags"):
    for mode in ("tcp", "icmp"):
        ratio(("saypro", mode), (label, mode))
    ratio((label, "tcp"), ("blackbox", "tcp"))
    ratio((label, "icmp"), ("smokeping", "icmp"))
PY
