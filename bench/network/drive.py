#!/usr/bin/env python3
"""Drives one measurement window of the network benchmark and prints a result table.

For each tool: CPU seconds used in the window (utime + stime from /proc/PID/stat), probes it sent
in the window (from its own counters; for blackbox_exporter, the /probe requests this driver made),
and the latency it measured (mean, and the median where the tool gives one).

usage: drive.py MODE WARM DUR RATE BB_URL BB_PID BB_TARGET INSTANCE...
MODE is tcp or dns (blackbox_exporter's module). Each INSTANCE is TOOL:PROBE:URL:PID, where TOOL is
a label (saypro, saypro-before, smokeping) and PROBE is what it sends (tcp, icmp, dns); every
instance is measured over the same window. Prints one JSON object per tool on stdout.
"""
import json, os, statistics, sys, time, urllib.request

mode, warm, dur, rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
bb_url, bb_pid, bb_target = sys.argv[5], int(sys.argv[6]), sys.argv[7]
instances = []
for arg in sys.argv[8:]:
    tool, probe, rest = arg.split(":", 2)
    url, pid = rest.rsplit(":", 1)
    instances.append({"tool": tool, "mode": probe, "url": url, "pid": int(pid)})
TICK = os.sysconf("SC_CLK_TCK")

def cpu(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK

def scrape(url):
    out = {}
    for line in urllib.request.urlopen(url, timeout=10).read().decode().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            try:
                out[name] = float(value)
            except ValueError:
                pass
    return out

def total(metrics, prefix, must=""):
    return sum(v for k, v in metrics.items() if k.startswith(prefix) and must in k)

def bb_probe():
    module = "tcp" if mode == "tcp" else "dns"
    m = scrape(f"{bb_url}/probe?module={module}&target={bb_target}")
    if mode == "tcp":
        return m.get("probe_success", 0), m.get("probe_duration_seconds")
    request = total(m, "probe_dns_duration_seconds", 'phase="request"') + total(m, "probe_dns_duration_seconds", 'phase="connect"')
    return m.get("probe_success", 0), request

def counts(inst, m):
    if inst["tool"] == "smokeping":
        return (total(m, "smokeping_requests_total"), total(m, "smokeping_response_duration_seconds_sum"),
                total(m, "smokeping_response_duration_seconds_count"))
    if inst["mode"] in ("tcp", "icmp"):
        return total(m, "saypro_network_probe_sent_total"), total(m, "saypro_network_probe_rtt_seconds_sum"), total(m, "saypro_network_probe_rtt_seconds_count")
    return total(m, "saypro_network_dns_lookups_total"), total(m, "saypro_network_dns_exchange_seconds_sum"), total(m, "saypro_network_dns_exchange_seconds_count")

def run_blackbox(until, samples):
    interval = 1 / rate
    nxt = time.monotonic()
    while time.monotonic() < until:
        ok, seconds = bb_probe()
        if samples is not None and ok == 1 and seconds is not None:
            samples.append(seconds)
        if samples is not None:
            samples_all.append(ok)
        nxt += interval
        time.sleep(max(0, nxt - time.monotonic()))

samples_all = []
run_blackbox(time.monotonic() + warm, None)

cpu0 = {"blackbox": cpu(bb_pid)}
c0 = {}
for inst in instances:
    cpu0[inst["tool"] + inst["mode"]] = cpu(inst["pid"])
    c0[inst["tool"] + inst["mode"]] = counts(inst, scrape(inst["url"] + "/metrics"))
bb_samples = []
end = time.monotonic() + dur
run_blackbox(end, bb_samples)
cpu1 = {"blackbox": cpu(bb_pid)}
c1 = {}
for inst in instances:
    cpu1[inst["tool"] + inst["mode"]] = cpu(inst["pid"])
    c1[inst["tool"] + inst["mode"]] = counts(inst, scrape(inst["url"] + "/metrics"))

results = []
for inst in instances:
    key = inst["tool"] + inst["mode"]
    o0, o1 = c0[key], c1[key]
    r = {"tool": inst["tool"], "mode": inst["mode"], "probes": o1[0] - o0[0], "cpu_s": round(cpu1[key] - cpu0[key], 3)}
    # mean from the tool's own histogram sum and count over the window; our median is the latest burst's
    r["mean_ms"] = round((o1[1] - o0[1]) / max(1, o1[2] - o0[2]) * 1000, 3) if o1[2] > o0[2] else None
    r["median_ms"] = None
    if inst["tool"] != "smokeping" and inst["mode"] in ("tcp", "icmp"):
        r["median_ms"] = round(total(scrape(inst["url"] + "/metrics"), "saypro_network_probe_rtt_median_seconds") * 1000, 3)
    results.append(r)
bb = {"tool": "blackbox", "mode": mode, "probes": len(samples_all), "cpu_s": round(cpu1["blackbox"] - cpu0["blackbox"], 3),
      "failed": samples_all.count(0),
      "mean_ms": round(statistics.mean(bb_samples) * 1000, 3) if bb_samples else None,
      "median_ms": round(statistics.median(bb_samples) * 1000, 3) if bb_samples else None}
results.append(bb)
for r in results:
    r["cpu_ms_per_1000"] = round(r["cpu_s"] / max(1, r["probes"]) * 1000 * 1000, 1)
    print(json.dumps(r))
