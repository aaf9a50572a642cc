#!/usr/bin/env bash
# Security exporter benchmark, two parts, each side by side with its peer in one run:
#  1. auth log lines per CPU-second through the shared log engine (auth preset: hand-written parser, three rules,
#     the brute-force analyser) vs the log exporter's access-log rate (bench/logs rules), same JVM, alternating
#     rounds, steady state (JIT-compiled; start-up excluded);
#  2. scrape latency with 100 certificate endpoints checked in the background (served from cache) vs a plain serial
#     check of the same 100 real TLS endpoints.
# Usage: bench/security/run.sh [lines] [endpoints]   (default 1000000, 100). Needs: java 17, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
LINES=${1:-1000000}
ENDPOINTS=${2:-100}
OUT=bench/results/security
mkdir -p "$OUT"

# one reactor run: core, core's test kit and the engine resolve to their target folders, never ~/.m2
./mvnw -B -q -pl exporters/security -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
CP="exporters/security/target/test-classes:exporters/security/target/classes:$(cat "$OUT/cp.txt")"
JAVA_OPTS=(@exporters/launcher/jvm.options)

python3 bench/security/gen_auth_log.py "$LINES" "$OUT/auth.log"
python3 bench/logs/gen_access_log.py "$LINES" "$OUT/access.log"

java "${JAVA_OPTS[@]}" -cp "$CP" com.saypro.monitor.security.logs.AuthLogBench "$OUT/auth.log" "$OUT/access.log" 6 \
    | tee "$OUT/lines.out"
java "${JAVA_OPTS[@]}" -cp "$CP" com.saypro.monitor.security.certs.CertScrapeBench "$ENDPOINTS" 200 \
    2> "$OUT/certs.err" | tee "$OUT/certs.out"

python3 - "$OUT/lines.out" "$OUT/certs.out" "$LINES" "$ENDPOINTS" <<'PY'
import re, sys
lines_out, certs_out, n, endpoints = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3], sys.argv[4]
rounds = [tuple(map(float, m)) for m in re.findall(r"auth_us_per_line=([\d.]+) access_us_per_line=([\d.]+)", lines_out)]
last = rounds[-3:]
auth = sum(r[0] for r in last) / len(last)
access = sum(r[1] for r in last) / len(last)
print(f"\nauth log: {1e6 / auth:,.0f} lines per CPU-second ({auth:.3f} us/line), access log: {1e6 / access:,.0f}"
      f" lines per CPU-second ({access:.3f} us/line); auth/access rate ratio {access / auth:.2f}"
      f" (goal >= 0.80); mean of the last 3 of {len(rounds)} rounds, {n} lines each")
serial = float(re.search(r"serial_check_seconds=([\d.]+)", certs_out).group(1))
median = float(re.search(r"scrape_median_seconds=([\d.]+)", certs_out).group(1))
p90 = float(re.search(r"scrape_p90_seconds=([\d.]+)", certs_out).group(1))
print(f"certificates: serial check of {endpoints} endpoints {serial * 1000:.1f} ms; cached scrape median"
      f" {median * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms; median/serial ratio {median / serial:.4f} (goal < 0.1)")
PY
