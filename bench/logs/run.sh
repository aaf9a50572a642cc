#!/usr/bin/env bash
# Log engine vs mtail, side by side, on the same generated nginx access log.
# Usage: bench/logs/run.sh [lines]   (default 1000000). Needs: java 17, maven, python3, mtail, /usr/bin/time.
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
CP="$OUT/engine.jar:$OUT/core.jar:$(tr ':' '\n' < "$OUT/cp.txt" | grep '\.jar$' | paste -sd:)"
# the JVM flags users get: the launcher's argument file (SerialGC, Xms8m, Xmx256m, ...)
JAVA_OPTS=(@exporters/launcher/jvm.options)

python3 bench/logs/gen_access_log.py "$LINES" "$OUT/access.log"

# AppCDS: a one-off training run on 1,000 other lines writes the class archive (as an install step would);
# not measured. The measured run below then maps the archived classes instead of loading and verifying them.
head -n 1000 "$OUT/access.log" > "$OUT/train.log"
java "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$OUT/engine.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$CP" \
    com.saypro.monitor.logengine.bench.LogEngineBench oneshot "$OUT/train.log" > /dev/null 2>&1

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
read -r _ M_CPU M_RSS < <(measure mtail mtail --one_shot --one_shot_format prometheus \
    --progs bench/logs/access.mtail --logs "$OUT/access.log")

E_COUNT=$(grep -o 'requests_counted=[0-9]*' "$OUT/engine.out" | cut -d= -f2)
C_COUNT=$(grep -o 'requests_counted=[0-9]*' "$OUT/engine_cds.out" | cut -d= -f2)
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

python3 - "$LINES" "$E_CPU" "$E_RSS" "$M_CPU" "$M_RSS" "$E_COUNT" "$M_COUNT" "$OUT/live.out" "$C_CPU" "$C_RSS" "$C_COUNT" <<'PY'
import sys, re
lines, e_cpu, e_rss, m_cpu, m_rss, e_count, m_count, live, c_cpu, c_rss, c_count = sys.argv[1:]
lines = int(lines); e_cpu = float(e_cpu); m_cpu = float(m_cpu); c_cpu = float(c_cpu)
e_rate, m_rate, c_rate = lines / e_cpu, lines / m_cpu, lines / c_cpu
print(f"| tool | lines | CPU s (user+sys) | lines per CPU-second | peak RSS MiB | requests counted |")
print(f"|---|---|---|---|---|---|")
print(f"| saypro logengine (JVM, launcher/jvm.options) | {lines} | {e_cpu:.2f} | {e_rate:,.0f} | {int(e_rss)/1024:.0f} | {e_count} |")
print(f"| saypro logengine (same + AppCDS archive) | {lines} | {c_cpu:.2f} | {c_rate:,.0f} | {int(c_rss)/1024:.0f} | {c_count} |")
print(f"| mtail --one_shot | {lines} | {m_cpu:.2f} | {m_rate:,.0f} | {int(m_rss)/1024:.0f} | {m_count} |")
print(f"\nratio lines/CPU-s engine:mtail = {e_rate / m_rate:.1f}x (with AppCDS {c_rate / m_rate:.1f}x);"
      f" peak RSS engine:mtail = {int(e_rss) / int(m_rss):.2f}x")
print("live (50,000 lines/s for 20 s): " + open(live).read().strip().splitlines()[0])
PY
