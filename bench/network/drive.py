#!/usr/bin/env python3
"""Drives one measurement window of the network benchmark and prints a result table.

For each tool: CPU seconds used in the window (utime + stime from /proc/PID/stat), probes it sent
in the window (from its own counters; for blackbox_exporter, the /probe requests this driver made),
and the latency it measured (mean, and the median where the tool gives one).

usage: drive.py MODE WARM DUR RATE OURS_URL OURS_PID BB_URL BB_PID BB_TARGET [SP_URL SP_PID]
MODE is tcp or dns. Prints one JSON object per tool on stdout.
"""
import json, os, statistics, sys, time, urllib.request

mode, warm, dur, rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ours_url, ours_pid, bb_url, bb_pid, bb_target = sys.argv[5], int(sys.argv[6]), sys.argv[7], int(sys.argv[8]), sys.argv[9]
sp_url, sp_pid = (sys.argv[10], int(sys.argv[11])) if len(sys.argv) > 11 else (None, None)
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

def ours_counts(m):
    if mode == "tcp":
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

pids = {"saypro": ours_pid, "blackbox": bb_pid}
if sp_pid:
    pids["smokeping"] = sp_pid
cpu0 = {k: cpu(p) for k, p in pids.items()}
o0 = ours_counts(scrape(ours_url + "/metrics"))
s0 = scrape(sp_url + "/metrics") if sp_url else {}
bb_samples = []
end = time.monotonic() + dur
run_blackbox(end, bb_samples)
cpu1 = {k: cpu(p) for k, p in pids.items()}
o1 = ours_counts(scrape(ours_url + "/metrics"))
s1 = scrape(sp_url + "/metrics") if sp_url else {}

results = []
probes = o1[0] - o0[0]
ours = {"tool": "saypro", "mode": mode, "probes": probes, "cpu_s": round(cpu1["saypro"] - cpu0["saypro"], 3)}
# both from our histograms' sum and count over the window; the median is the latest burst's (tcp)
ours["mean_ms"] = round((o1[1] - o0[1]) / max(1, o1[2] - o0[2]) * 1000, 3)
ours["median_ms"] = round(total(scrape(ours_url + "/metrics"), "saypro_network_probe_rtt_median_seconds") * 1000, 3) if mode == "tcp" else None
results.append(ours)
bb = {"tool": "blackbox", "mode": mode, "probes": len(samples_all), "cpu_s": round(cpu1["blackbox"] - cpu0["blackbox"], 3),
      "failed": samples_all.count(0),
      "mean_ms": round(statistics.mean(bb_samples) * 1000, 3) if bb_samples else None,
      "median_ms": round(statistics.median(bb_samples) * 1000, 3) if bb_samples else None}
results.append(bb)
if sp_pid:
    n = total(s1, "smokeping_requests_total") - total(s0, "smokeping_requests_total")
    dsum = total(s1, "smokeping_response_duration_seconds_sum") - total(s0, "smokeping_response_duration_seconds_sum")
    dcount = total(s1, "smokeping_response_duration_seconds_count") - total(s0, "smokeping_response_duration_seconds_count")
    results.append({"tool": "smokeping", "mode": "icmp", "probes": n, "cpu_s": round(cpu1["smokeping"] - cpu0["smokeping"], 3),
                    "mean_ms": round(dsum / max(1, dcount) * 1000, 3), "median_ms": None})
for r in results:
    r["cpu_ms_per_1000"] = round(r["cpu_s"] / max(1, r["probes"]) * 1000 * 1000, 1)
    print(json.dumps(r))
