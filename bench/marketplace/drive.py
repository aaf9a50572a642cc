#!/usr/bin/env python3
"""Probes the same endpoint through blackbox_exporter and the marketplace exporter, interleaved,
first without a delay (each prober's baseline), then with a known delay, and reports each one's
error against that delay and its CPU per 1,000 probes.

The delay is either injected through the demo marketplace's fault API (--fault-api, --token-file,
--route: a latency fault on that route class of the same URL) or served by a separate URL
(--delayed-url: the Python delay server's delayed page, its /fast page being the baseline).

Error = a prober's reported time minus its own median baseline (the same page without a delay:
the demo's own processing time and the prober's fixed overhead) minus the injected delay.

Usage: drive.py --blackbox PORT:PID --saypro PORT:PID --url URL --delay-ms MS --probes N --warmup N
                (--fault-api URL --token-file FILE --route CLASS | --delayed-url URL)
"""
import argparse
import json
import os
import statistics
import urllib.parse
import urllib.request

TICKS = os.sysconf("SC_CLK_TCK")
BLACKBOX, SAYPRO = "blackbox_exporter", "saypro marketplace"


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


def port_pid(text):
    port, pid = text.split(":")
    return int(port), int(pid)


args = argparse.ArgumentParser()
args.add_argument("--blackbox", type=port_pid, required=True)
args.add_argument("--saypro", type=port_pid, required=True)
args.add_argument("--url", required=True, help="the page probed for the baseline (and with the fault)")
args.add_argument("--delayed-url", help="a page that answers after the delay (Python delay server mode)")
args.add_argument("--fault-api")
args.add_argument("--token-file")
args.add_argument("--route", default="home")
args.add_argument("--delay-ms", type=float, required=True)
args.add_argument("--probes", type=int, required=True)
args.add_argument("--warmup", type=int, required=True)
a = args.parse_args()
bb_port, bb_pid = a.blackbox
sp_port, sp_pid = a.saypro
delayed_url = a.delayed_url or a.url


def blackbox(target):
    url = f"http://127.0.0.1:{bb_port}/probe?module=http_2xx&target={urllib.parse.quote(target, safe='')}"
    v = metrics(url)
    assert v["probe_success"] == 1.0, v
    return v['probe_http_duration_seconds{phase="processing"}'], v["probe_duration_seconds"]


def saypro(journey):
    v = metrics(f"http://127.0.0.1:{sp_port}/probe?journey={journey}")
    assert v["saypro_probe_success"] == 1.0, v
    return v['saypro_probe_step_phase_seconds{phase="processing",step="get"}'], v["saypro_probe_duration_seconds"]


PROBERS = {BLACKBOX: (lambda: blackbox(a.url), lambda: blackbox(delayed_url)),
           SAYPRO: (lambda: saypro("base"), lambda: saypro("bench"))}


def fault_api(method, path, body=None):
    with open(a.token_file) as f:
        token = f.read().strip()
    request = urllib.request.Request(a.fault_api + path, method=method, data=body,
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def run(phase, probes):
    """probes interleaved (one blackbox, one saypro, repeated): each one's [(ttfb_ms, total_ms)]"""
    out = {BLACKBOX: [], SAYPRO: []}
    for _ in range(probes):
        for name, probes_of in PROBERS.items():
            ttfb, total = probes_of[phase]()
            out[name].append((ttfb * 1000, total * 1000))
    return out


# warm up without the delay: the JVM compiles its hot paths in the first few thousand probes (a
# long-running exporter is past that); blackbox_exporter is compiled ahead of time, same warm-up
run(0, a.warmup)
cpu_before = {pid: cpu_seconds(pid) for pid in (bb_pid, sp_pid)}
baseline = run(0, a.probes)
if a.fault_api:
    status, answer = fault_api("POST", "/faults", json.dumps(
        {"target": a.route, "type": "latency", "latency_ms": int(a.delay_ms)}).encode())
    assert status == 201, (status, answer)
try:
    delayed = run(1, a.probes)
finally:
    if a.fault_api:
        fault_api("DELETE", "/faults")
cpu = {name: (cpu_seconds(pid) - cpu_before[pid]) / (2 * a.probes) * 1000
       for name, pid in ((BLACKBOX, bb_pid), (SAYPRO, sp_pid))}

print(f"url {a.url}, delay {a.delay_ms:.0f} ms "
      + (f"(latency fault on route class {a.route} through the demo's fault API)" if a.fault_api
         else f"(served by {delayed_url})")
      + f"; {a.probes} baseline + {a.probes} delayed probes each, interleaved, after {a.warmup} warm-up probes each")
print()
print("| prober | baseline TTFB median (ms) | TTFB error median (ms) | TTFB error p95 (ms) "
      "| total error median (ms) | CPU per 1,000 probes (s) |")
print("|---|---|---|---|---|---|")
summary = {}
for name in PROBERS:
    base_ttfb = statistics.median(t for t, _ in baseline[name])
    base_total = statistics.median(t for _, t in baseline[name])
    ttfb_error = sorted(t - base_ttfb - a.delay_ms for t, _ in delayed[name])
    total_error = [t - base_total - a.delay_ms for _, t in delayed[name]]
    p95 = ttfb_error[int(len(ttfb_error) * 0.95) - 1]
    summary[name] = (abs(statistics.median(ttfb_error)), abs(statistics.median(total_error)), cpu[name])
    print(f"| {name} | {base_ttfb:.3f} | {statistics.median(ttfb_error):.3f} | {p95:.3f} "
          f"| {statistics.median(total_error):.3f} | {cpu[name]:.3f} |")
bb, sp = summary[BLACKBOX], summary[SAYPRO]


def ratio(x, y):
    return f"{x / y:.2f}" if y > 0 else "n/a"


print()
print(f"ratios saypro / blackbox: |TTFB error| {ratio(sp[0], bb[0])}, |total error| {ratio(sp[1], bb[1])}, "
      f"CPU per probe {ratio(sp[2], bb[2])}")
