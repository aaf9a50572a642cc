#!/usr/bin/env bash
# Incident exporter benchmark (not a test): notifications per second with durable storage (each
# notification of 100 alerts committed before its 200) and scrape latency with 2,000 vs 102,000
# stored incidents, on the embedded SQLite store and on this machine's PostgreSQL.
#
# No open-source peer turns Alertmanager notifications into these figures, so the ratios reported
# are against the issue's goals: 500 notifications/s, and scrape latency that does not grow with
# history (large/small ratio close to 1). Loopback only; every process started here is stopped
# (the exporter JVMs are children of the benchmark JVM, which closes them).
#
#   bench/incidents/run.sh            # sqlite and postgresql (mysql: this machine's MariaDB, on request)
#   bench/incidents/run.sh sqlite     # one store only
#   EXPORTER_CLASSES=/tmp/old/classes bench/incidents/run.sh sqlite
#                                     # the same benchmark driving another build of the exporter
#                                     # (a copy of exporters/incidents/target/classes), for before/after
#   EXPORTER_FLAGS=launcher bench/incidents/run.sh sqlite
#                                     # the exporter with the launcher's JVM flags (SerialGC, 256 MiB) instead of -Xmx1g
#   BENCH_JAVA_OPTS=-Dbench.warm.rounds=4 ...   # four warm rounds of 1,000 notifications, each reported
#   BENCH_JAVA_OPTS="-Dbench.scenario=lifecycle -Dbench.warm.rounds=5" ...
#                                     # every incident opened and later resolved (half of each round's
#                                     # notifications resolve the alerts of earlier ones), so the open set
#                                     # stays bounded as on a real Alertmanager; the default scenario sends
#                                     # 100 new alerts per notification and never resolves any
#   BENCH_JAVA_OPTS=-Dbench.sender=jdk ...      # post with the JDK's HttpClient instead of keep-alive sockets
#   BENCH_JAVA_OPTS=-Dbench.exporter.jvm=@/tmp/flags ...
#                                     # extra JVM flags for the exporter (one flag, or @ an argument file)
set -euo pipefail
cd "$(dirname "$0")/../.."
stores=("${@:-sqlite postgresql}")
stores=(${stores[@]})

cp_file=$(mktemp)
schema="incidents_bench_$$"
cleanup() {
  rm -f "$cp_file"
  psql -h 127.0.0.1 -U postgres -d test -qc "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS $schema" >/dev/null 2>&1 || true
}
trap cleanup EXIT
# compile and write the test class path in one reactor build (nothing is installed in ~/.m2)
./mvnw -B -q -pl exporters/incidents -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="exporters/incidents/target/test-classes:${EXPORTER_CLASSES:-exporters/incidents/target/classes}:exporters/core/target/test-classes:exporters/core/target/classes:$(cat "$cp_file")"

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(uname -r), exporter classes ${EXPORTER_CLASSES:-exporters/incidents/target/classes}"
for store in "${stores[@]}"; do
  case "$store" in
    sqlite)
      java -Xmx1g -Dbench.exporter.flags="${EXPORTER_FLAGS:-}" ${BENCH_JAVA_OPTS:-} -cp "$classpath" com.saypro.monitor.incidents.bench.IncidentsBench sqlite ;;
    postgresql)
      psql -h 127.0.0.1 -U postgres -d test -qc "CREATE SCHEMA $schema" >/dev/null
      java -Xmx1g -Dbench.exporter.flags="${EXPORTER_FLAGS:-}" ${BENCH_JAVA_OPTS:-} -cp "$classpath" com.saypro.monitor.incidents.bench.IncidentsBench postgresql \
        "$(printf 'storage:\n  type: postgresql\n  url: jdbc:postgresql://127.0.0.1:5432/test?currentSchema=%s\n  username: postgres\n' "$schema")" ;;
    mysql)
      # this machine's MariaDB (MySQL Connector/J, as for MySQL), a database of its own
      mysql -h 127.0.0.1 -u root -e "CREATE DATABASE $schema"
      java -Xmx1g -Dbench.exporter.flags="${EXPORTER_FLAGS:-}" ${BENCH_JAVA_OPTS:-} -cp "$classpath" com.saypro.monitor.incidents.bench.IncidentsBench mysql \
        "$(printf 'storage:\n  type: mysql\n  url: jdbc:mysql://127.0.0.1:3306/%s\n  username: root\n' "$schema")" ;;
    *) echo "unknown store $store (sqlite, postgresql or mysql)" >&2; exit 2 ;;
  esac
done
