#!/usr/bin/env bash
# SLA stack benchmark: time from fault injection to the on-call page, against the floor that the
# configured intervals allow (scrape interval + evaluation interval + the rule's for + group_wait),
# and rule evaluation time of the whole rule set, from Prometheus' prometheus_rule_group_last_duration_seconds.
# Each run is one EndToEndTest (demo, exporters, real prometheus and prometheus-alertmanager on loopback).
#   bench/sla/run.sh            # 3 runs
#   RUNS=5 bench/sla/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
out=bench/results/sla
mkdir -p "$out"
for i in $(seq 1 "$RUNS"); do
  ./mvnw -B -q -pl prometheus/generator -am test -Dtest=com.saypro.monitor.sla.EndToEndTest \
    -Dsurefire.failIfNoSpecifiedTests=false
  cp prometheus/generator/target/sla-e2e.properties "$out/run-$i.properties"
done
python3 - "$out" "$RUNS" <<'PY'
import sys, statistics, pathlib
out, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
rows = [dict(l.split('=', 1) for l in (out / f'run-{i}.properties').read_text().split('\n') if '=' in l) for i in range(1, runs + 1)]
floor = float(rows[0]['floor_seconds'])
print(f'runs: {runs}; floor (scrape 2s + evaluation 2s + for 10s + group_wait 2s): {floor:.1f} s\n')
print('| figure | median | min | max | median / floor |')
print('|---|---|---|---|---|')
for key in ['gateway_fault_to_page_seconds', 'checkout_fault_to_journey_page_seconds', 'checkout_fault_to_burn_page_seconds']:
    v = [float(r[key]) for r in rows]
    print(f'| {key} | {statistics.median(v):.2f} s | {min(v):.2f} s | {max(v):.2f} s | {statistics.median(v) / floor:.2f} |')
for key in ['rule_evaluation_seconds_sum', 'rule_evaluation_seconds_max_group']:
    v = [float(r[key]) * 1000 for r in rows]
    print(f'| {key} | {statistics.median(v):.1f} ms | {min(v):.1f} ms | {max(v):.1f} ms | |')
print(f"\nrule groups: {rows[0]['rule_groups']}, rules: {rows[0]['rules']}")
PY
