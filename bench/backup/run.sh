#!/usr/bin/env bash
# Backup exporter benchmark (not a test):
#  - scrape: 50 folder jobs over one folder of 10,000 dump files with sha256 sidecars; first scrape
#    (lists the folder, hashes each job's newest dump) vs. later scrapes (one stat of the folder and
#    of each newest file; nothing re-read). Ratio first/later.
#  - drill: a restore drill (POST /drill?wait=true: create scratch, pg_restore, verify 3 row counts,
#    drop) vs. plain pg_restore of the same dump into a database created and dropped for it, run
#    side by side alternately on the local PostgreSQL (127.0.0.1:5432, user postgres). Ratio
#    drill/plain; the goal is an overhead under 10 %.
#
#   bench/backup/run.sh                 # both
#   bench/backup/run.sh scrape          # one part
#   ROWS=1000000 RUNS=5 bench/backup/run.sh drill
#
# The machine is shared; figures are noisy. Every database created here is dropped.
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
./mvnw -B -q -pl exporters/backup -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
classpath="exporters/backup/target/test-classes:exporters/backup/target/classes:exporters/core/target/test-classes:exporters/core/target/classes:$(cat "$cp_file")"
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $(nproc) cores, $(uname -r), $(pg_restore --version), $(restic version | cut -d' ' -f1-2)"
java -Xmx512m -Drows="${ROWS:-300000}" -Druns="${RUNS:-3}" -cp "$classpath" com.saypro.monitor.backup.bench.BackupBench "$what"
