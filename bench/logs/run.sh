#!/usr/bin/env bash
# Log engine vs mtail, side by side, on the same generated nginx access log.
# Usage: bench/logs/run.sh [lines]   (default 1000000). Needs: java 17, maven, python3, mtail, /usr/bin/time.
# Rows: what users run (`saypro-monitor.jar logs --one-shot` with bench/logs/oneshot.yml, under the long-running
# flags jvm.options, under jvm-oneshot.options, with a dynamic and with a static AppCDS archive), the engine alone
# (LogEngineBench), and mtail --one_shot; then the live test (50,000 lines/s followed by the engine); then the
# static-archive one-shot 6 times and mtail 3 times, interleaved, and the ratio of their medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-1000000}
OUT=bench/results/logs
mkdir -p "$OUT"
command -v mtail >/dev/null || { echo "mtail missing: apt-get install -y mtail" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time missing: apt-get install -y time" >&2; exit 1; }

# one reactor run: saypro-core (the engine's config layer uses it) resolves to its target/classes, never ~/.m2;
# every module writes the file in turn, the engine (built last) wins
./mvnw -B -q -pl exporters/logengine -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
# jars, not class folders: class-data sharing (AppCDS) archives classes from jars only, as in saypro-monitor.jar
rm -f "$OUT/engine.jar" "$OUT/core.jar" "$OUT/engine.jsa"
jar --create --file "$OUT/engine.jar" -C exporters/logengine/target/classes . \
    -C exporters/logengine/target/test-classes com/saypro/monitor/logengine/bench
jar --create --file "$OUT/core.jar" -C exporters/core/target/classes .
# the runnable jar users get (shaded, every exporter): package only, never install
./mvnw -B -q -pl exporters/launcher -am package -DskipTests >/dev/null
JAR=exporters/launcher/target/saypro-monitor.jar
CP="$OUT/engine.jar:$OUT/core.jar:$(tr ':' '\n' < "$OUT/cp.txt" | grep '\.jar$' | paste -sd:)"
# the JVM flags users get: the launcher's argument file (SerialGC, Xms8m, Xmx256m, ...)
JAVA_OPTS=(@exporters/launcher/jvm.options)

python3 bench/logs/gen_access_log.py "$LINES" "$OUT/access.log"

# AppCDS: a one-off training run on 1,000 other lines writes the class archive (as an install step would);
# not measured. The measured run below then maps the archived classes instead of loading and verifying them.
head -n 1000 "$OUT/access.log" > "$OUT/train.log"
java "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$OUT/engine.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$CP" \
    com.saypro.monitor.logengine.bench.LogEngineBench oneshot "$OUT/train.log" > /dev/null 2>&1

# the same for the one-shot mode, with its documented flags (exporters/launcher/jvm-oneshot.options): a training
# run on the 1,000 lines writes saypro-monitor-oneshot.jsa, as the logs README's install step does
ONESHOT_OPTS=(@exporters/launcher/jvm-oneshot.options)
rm -f "$OUT/oneshot.jsa"
sed 's|\.\./results/logs/access\.log|train.log|' bench/logs/oneshot.yml > "$OUT/train.yml"
java "${ONESHOT_OPTS[@]}" -XX:ArchiveClassesAtExit="$OUT/oneshot.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$JAR" logs --one-shot --config.file="$OUT/train.yml" > /dev/null 2>&1
# the same training as a static archive (JDK and application classes in one file, as the logs README's install
# step now does): the training run lists the classes it loads, then -Xshare:dump writes them out
rm -f "$OUT/oneshot.classes" "$OUT/oneshot-static.jsa"
java "${ONESHOT_OPTS[@]}" -XX:DumpLoadedClassList="$OUT/oneshot.classes" \
    -jar "$JAR" logs --one-shot --config.file="$OUT/train.yml" > /dev/null 2>&1
java "${ONESHOT_OPTS[@]}" -Xshare:dump -XX:SharedClassListFile="$OUT/oneshot.classes" \
    -XX:SharedArchiveFile="$OUT/oneshot-static.jsa" -cp "$JAR" > "$OUT/oneshot-static.dump.log" 2>&1

measure() { # name, command...: prints "name cpu_seconds peak_rss_kib"
  local name=$1; shift
  /usr/bin/time -v -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"
  local user sys rss
  user=$(awk -F': ' '/User time/ {print $2}' "$OUT/$name.time")
  sys=$(awk -F': ' '/System time/ {print $2}' "$OUT/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/$name.time")
  echo "$name $(python3 -c "print(round($user+$sys,3))") $rss"
}

read -r _ E_CPU E_RSS < <(measure engine java "${JAVA_OPTS[@]}" -cp "$CP" \
    com.saypro.monitor.logengine.bench.LogEngineBench oneshot "$OUT/access.log")
read -r _ C_CPU C_RSS < <(measure engine_cds java "${JAVA_OPTS[@]}" -XX:SharedArchiveFile="$OUT/engine.jsa" \
    -cp "$CP" com.saypro.monitor.logengine.bench.LogEngineBench oneshot "$OUT/access.log")
ONESHOT=(-jar "$JAR" logs --one-shot --config.file=bench/logs/oneshot.yml)
read -r _ O_CPU O_RSS < <(measure oneshot java "${JAVA_OPTS[@]}" "${ONESHOT[@]}")
read -r _ F_CPU F_RSS < <(measure oneshot_flags java "${ONESHOT_OPTS[@]}" "${ONESHOT[@]}")
read -r _ A_CPU A_RSS < <(measure oneshot_cds java "${ONESHOT_OPTS[@]}" -XX:SharedArchiveFile="$OUT/oneshot.jsa" \
    "${ONESHOT[@]}")
read -r _ S_CPU S_RSS < <(measure oneshot_static java "${ONESHOT_OPTS[@]}" \
    -XX:SharedArchiveFile="$OUT/oneshot-static.jsa" "${ONESHOT[@]}")
# start-up floor: the same commands on the 1,000-line file
read -r _ T_CPU T_RSS < <(measure oneshot_1k java "${ONESHOT_OPTS[@]}" -XX:SharedArchiveFile="$OUT/oneshot.jsa" \
    -jar "$JAR" logs --one-shot --config.file="$OUT/train.yml")
read -r _ U_CPU U_RSS < <(measure oneshot_static_1k java "${ONESHOT_OPTS[@]}" \
    -XX:SharedArchiveFile="$OUT/oneshot-static.jsa" -jar "$JAR" logs --one-shot --config.file="$OUT/train.yml")
read -r _ M_CPU M_RSS < <(measure mtail mtail --one_shot --one_shot_format prometheus \
    --progs bench/logs/access.mtail --logs "$OUT/access.log")

E_COUNT=$(grep -o 'requests_counted=[0-9]*' "$OUT/engine.out" | cut -d= -f2)
C_COUNT=$(grep -o 'requests_counted=[0-9]*' "$OUT/engine_cds.out" | cut -d= -f2)
requests() { awk '/^saypro_http_requests_total\{/ {s+=$2} END {printf "%d", s}' "$OUT/$1.out"; }
O_COUNT=$(requests oneshot); F_COUNT=$(requests oneshot_flags); A_COUNT=$(requests oneshot_cds)
S_COUNT=$(requests oneshot_static); T_COUNT=$(requests oneshot_1k); U_COUNT=$(requests oneshot_static_1k)
M_COUNT=$(awk '/^http_requests\{/ {s+=$2} END {print s}' "$OUT/mtail.out")

# live: a writer appends 50,000 lines/s for 20 s while the engine follows the file
LIVE_LINES=1000000
rm -f "$OUT/live.log"; touch "$OUT/live.log"
java "${JAVA_OPTS[@]}" -cp "$CP" com.saypro.monitor.logengine.bench.LogEngineBench live "$OUT/live.log" "$LIVE_LINES" \
    > "$OUT/live.out" 2> "$OUT/live.err" &
ENGINE=$!
python3 - "$OUT/access.log" "$OUT/live.log" "$LIVE_LINES" <<'PY'
import sys, time
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(src).readlines()[:n]
rate, batch = 50_000, 5_000
start = time.monotonic()
with open(dst, "a") as out:
    for i in range(0, n, batch):
        target = start + i / rate
        delay = target - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        out.writelines(lines[i:i + batch]); out.flush()
print(f"writer: {n} lines in {time.monotonic() - start:.1f} s", file=sys.stderr)
PY
wait "$ENGINE"

python3 - "$LINES" "$OUT/live.out" "$M_CPU" "$M_RSS" "$M_COUNT" \
    "saypro-monitor.jar logs --one-shot, jvm.options (the exporter's flags)" "$O_CPU" "$O_RSS" "$O_COUNT" \
    "saypro-monitor.jar logs --one-shot, jvm-oneshot.options" "$F_CPU" "$F_RSS" "$F_COUNT" \
    "saypro-monitor.jar logs --one-shot, jvm-oneshot.options + AppCDS archive" "$A_CPU" "$A_RSS" "$A_COUNT" \
    "saypro-monitor.jar logs --one-shot, jvm-oneshot.options + static AppCDS archive" "$S_CPU" "$S_RSS" "$S_COUNT" \
    "engine alone (LogEngineBench), jvm.options" "$E_CPU" "$E_RSS" "$E_COUNT" \
    "engine alone (LogEngineBench), jvm.options + AppCDS archive" "$C_CPU" "$C_RSS" "$C_COUNT" \
    "$T_CPU" "$T_RSS" "$T_COUNT" "$U_CPU" "$U_RSS" "$U_COUNT" <<'PY'
import sys
args = sys.argv[1:]
lines, live, m_cpu, m_rss, m_count = int(args[0]), args[1], float(args[2]), int(args[3]), args[4]
rows, rest = args[5:-6], args[-6:]
m_rate = lines / m_cpu
print("| tool | lines | CPU s (user+sys) | lines per CPU-second | x mtail | peak RSS MiB | requests counted |")
print("|---|---|---|---|---|---|---|")
for i in range(0, len(rows), 4):
    name, cpu, rss, count = rows[i], float(rows[i + 1]), int(rows[i + 2]), rows[i + 3]
    print(f"| {name} | {lines} | {cpu:.2f} | {lines / cpu:,.0f} | {lines / cpu / m_rate:.1f} | {rss / 1024:.0f} | {count} |")
print(f"| mtail --one_shot | {lines} | {m_cpu:.2f} | {m_rate:,.0f} | 1.0 | {m_rss / 1024:.0f} | {m_count} |")
print(f"\nstart-up floor (one-shot, jvm-oneshot.options + AppCDS, 1,000 lines): {float(rest[0]):.2f} CPU-s,"
      f" {int(rest[1]) / 1024:.0f} MiB, {rest[2]} requests")
print(f"start-up floor (one-shot, jvm-oneshot.options + static AppCDS, 1,000 lines): {float(rest[3]):.2f} CPU-s,"
      f" {int(rest[4]) / 1024:.0f} MiB, {rest[5]} requests")
print(f"10x mtail needs <= {m_cpu / 10:.2f} CPU-s for {lines} lines")
print("live (50,000 lines/s for 20 s): " + open(live).read().strip().splitlines()[0])
PY

# The headline pair again, interleaved (mtail, ours, ours, mtail, ...): a single 1.5 s run of ours is more exposed to
# a neighbour's burst on a shared machine than mtail's 15 s, so the ratio of medians is the figure to quote.
OURS_RUNS=()
MTAIL_RUNS=()
for round in 1 2 3; do
  read -r _ cpu _ < <(measure mtail_rep mtail --one_shot --one_shot_format prometheus \
      --progs bench/logs/access.mtail --logs "$OUT/access.log")
  MTAIL_RUNS+=("$cpu")
  for _ in 1 2; do
    read -r _ cpu _ < <(measure oneshot_static_rep java "${ONESHOT_OPTS[@]}" \
        -XX:SharedArchiveFile="$OUT/oneshot-static.jsa" "${ONESHOT[@]}")
    OURS_RUNS+=("$cpu")
  done
done
python3 - "$LINES" "${MTAIL_RUNS[*]}" "${OURS_RUNS[*]}" <<'PY'
import statistics, sys
lines, mtail, ours = int(sys.argv[1]), [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
m, o = statistics.median(mtail), statistics.median(ours)
print(f"\ninterleaved repeats, static AppCDS one-shot vs mtail: ours {', '.join(f'{x:.2f}' for x in ours)} CPU-s"
      f" (median {o:.2f}); mtail {', '.join(f'{x:.2f}' for x in mtail)} (median {m:.2f});"
      f" ratio of medians {m / o:.1f}x mtail's lines per CPU-second")
PY
