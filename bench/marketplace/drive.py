#!/usr/bin/env python3
"""Probes the same endpoint through blackbox_exporter and the marketplace exporter, interleaved,
and reports each one's error against the true delay and its CPU per 1,000 probes.

Usage: drive.py BLACKBOX_PORT BLACKBOX_PID SAYPRO_PORT SAYPRO_PID TARGET_URL DELAY_MS PROBES WARMUP
"""
import os
import statistics
import sys
import urllib.request

bb_port, bb_pid, sp_port, sp_pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
target, delay_ms, probes, warmup = sys.argv[5], float(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def metrics(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        text = response.read().decode()
    values = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    return values


bb_url = f"http://127.0.0.1:{bb_port}/probe?module=http_2xx&target={target}"
sp_url = f"http://127.0.0.1:{sp_port}/probe?journey=bench"


def probe_blackbox(url=bb_url):
    v = metrics(url)
    assert v["probe_success"] == 1.0, v
    return v['probe_http_duration_seconds{phase="processing"}'], v["probe_duration_seconds"]


def probe_saypro(url=sp_url):
    v = metrics(url)
    assert v["saypro_probe_success"] == 1.0, v
    return v['saypro_probe_step_phase_seconds{phase="processing",step="get"}'], v["saypro_probe_duration_seconds"]


# warm up on the undelayed /fast page: the JVM compiles its hot paths in the first few thousand
# probes (a long-running exporter is past that); blackbox_exporter is compiled ahead of time
for _ in range(warmup):
    probe_blackbox(bb_url.replace("target=" + target, "target=" + target + "fast"))
    probe_saypro(f"http://127.0.0.1:{sp_port}/probe?journey=warm")

results = {"blackbox_exporter": ([], []), "saypro marketplace": ([], [])}
cpu_before = {bb_pid: cpu_seconds(bb_pid), sp_pid: cpu_seconds(sp_pid)}
for _ in range(probes):
    for name, probe in (("blackbox_exporter", probe_blackbox), ("saypro marketplace", probe_saypro)):
        ttfb, total = probe()
        results[name][0].append(ttfb * 1000 - delay_ms)
        results[name][1].append(total * 1000 - delay_ms)
cpu = {name: (cpu_seconds(pid) - cpu_before[pid]) / probes * 1000
       for name, pid in (("blackbox_exporter", bb_pid), ("saypro marketplace", sp_pid))}

print(f"target {target}, true delay {delay_ms:.0f} ms, {probes} probes each, interleaved (after {warmup} warm-up probes each on an undelayed page)")
print()
print("| prober | TTFB error median (ms) | TTFB error p95 (ms) | total error median (ms) | CPU per 1,000 probes (s) |")
print("|---|---|---|---|---|")
summary = {}
for name, (ttfb, total) in results.items():
    ttfb_sorted = sorted(ttfb)
    p95 = ttfb_sorted[int(len(ttfb_sorted) * 0.95) - 1]
    summary[name] = (statistics.median(ttfb), statistics.median(total), cpu[name])
    print(f"| {name} | {statistics.median(ttfb):.3f} | {p95:.3f} | {statistics.median(total):.3f} | {cpu[name]:.3f} |")
bb, sp = summary["blackbox_exporter"], summary["saypro marketplace"]
print()
print(f"ratios saypro / blackbox: TTFB error {sp[0] / bb[0]:.2f}, total error {sp[1] / bb[1]:.2f}, CPU per probe {sp[2] / bb[2]:.2f}")
