import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scrapes several /metrics endpoints interleaved, with one HTTP client, and prints a Markdown table
 * of scrape latency, CPU per scrape and resident memory. Started by {@code bench/core/run.sh}:
 *
 * <pre>
 * java bench/core/ScrapeBench.java --warmup 200 --scrapes 1000 --series-name saypro_test_series \
 *     --series 10000 --baseline pushgateway \
 *     --target pushgateway=http://127.0.0.1:9091/metrics=PID ...
 * </pre>
 *
 * Each round scrapes every target once, sequentially; the order rotates each round so that no
 * target always follows the same one. Latency is from sending the request to the last byte of the
 * body. Before measuring, every target must answer 200 with exactly {@code --series} samples of
 * {@code --series-name}, so both sides serve the same data.
 */
public final class ScrapeBench {
  private static final String ACCEPT = "text/plain;version=0.0.4";

  record Target(String name, URI uri, long pid) {}

  record Result(Target target, long[] nanos, int bodyBytes, int bodyLines, double cpuMillisPerScrape, long rssKb, long hwmKb) {
    double percentileMillis(double p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double meanMillis() {
      return Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int warmup = 200;
    int scrapes = 1000;
    int series = 10_000;
    String seriesName = "saypro_test_series";
    String baseline = null;
    long clockTicks = 100;
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--scrapes" -> scrapes = Integer.parseInt(args[++i]);
        case "--series" -> series = Integer.parseInt(args[++i]);
        case "--series-name" -> seriesName = args[++i];
        case "--baseline" -> baseline = args[++i];
        case "--clock-ticks" -> clockTicks = Long.parseLong(args[++i]);
        case "--target" -> {
          String[] parts = args[++i].split("=", 3);
          if (parts.length != 3) {
            throw new IllegalArgumentException("--target NAME=URL=PID, got " + args[i]);
          }
          targets.add(new Target(parts[0], URI.create(parts[1]), Long.parseLong(parts[2])));
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no --target");
    }

    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    String prefix = seriesName + "{";
    int[] bodyBytes = new int[targets.size()];
    int[] bodyLines = new int[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      String body = new String(scrape(client, targets.get(t)), StandardCharsets.UTF_8);
      long samples = body.lines().filter(l -> l.startsWith(prefix)).count();
      if (samples != series) {
        throw new IllegalStateException(targets.get(t).name() + " serves " + samples + " samples of " + seriesName + ", expected " + series);
      }
      bodyBytes[t] = body.getBytes(StandardCharsets.UTF_8).length;
      bodyLines[t] = (int) body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).count();
    }

    runRounds(client, targets, warmup, null);
    long[] cpuBefore = new long[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      cpuBefore[t] = cpuTicks(targets.get(t).pid());
    }
    long[][] nanos = new long[targets.size()][scrapes];
    runRounds(client, targets, scrapes, nanos);

    List<Result> results = new ArrayList<>();
    for (int t = 0; t < targets.size(); t++) {
      Target target = targets.get(t);
      double cpuMillis = (cpuTicks(target.pid()) - cpuBefore[t]) * 1000.0 / clockTicks / scrapes;
      results.add(new Result(target, nanos[t], bodyBytes[t], bodyLines[t], cpuMillis,
          status(target.pid(), "VmRSS"), status(target.pid(), "VmHWM")));
    }
    print(results, baseline, warmup, scrapes, series);
  }

  /** {@code rounds} rounds of one scrape per target, the order rotating each round. */
  private static void runRounds(HttpClient client, List<Target> targets, int rounds, long[][] nanos) throws Exception {
    int k = targets.size();
    for (int round = 0; round < rounds; round++) {
      for (int j = 0; j < k; j++) {
        int t = (round + j) % k;
        long start = System.nanoTime();
        scrape(client, targets.get(t));
        long elapsed = System.nanoTime() - start;
        if (nanos != null) {
          nanos[t][round] = elapsed;
        }
      }
    }
  }

  private static byte[] scrape(HttpClient client, Target target) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(target.uri())
        .header("Accept", ACCEPT)
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(target.name() + " answered " + response.statusCode());
    }
    if (response.headers().firstValue("Content-Encoding").isPresent()) {
      throw new IllegalStateException(target.name() + " compressed its answer; the benchmark compares plain text");
    }
    return response.body();
  }

  /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // the command name (field 2) may hold spaces; count fields after its closing parenthesis
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** A "kB" line of /proc/PID/status, such as VmRSS. */
  private static long status(long pid, String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").trim());
      }
    }
    throw new IllegalStateException("no " + key + " in /proc/" + pid + "/status");
  }

  private static void print(List<Result> results, String baseline, int warmup, int scrapes, int series) {
    Result base = results.stream().filter(r -> r.target().name().equals(baseline)).findFirst().orElse(null);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "%d series of one gauge family; %d warm-up + %d measured scrapes per target, interleaved, sequential, one HTTP/1.1 client, Accept: %s, no compression.%n%n",
        series, warmup, scrapes, ACCEPT));
    out.append("| target | median ms | p99 ms | mean ms | CPU ms/scrape | body bytes | samples | RSS after (MB) | peak RSS (MB) |");
    if (base != null) {
      out.append(" median / ").append(baseline).append(" | p99 / ").append(baseline).append(" |");
    }
    out.append(System.lineSeparator());
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    if (base != null) {
      out.append("---:|---:|");
    }
    out.append(System.lineSeparator());
    for (Result r : results) {
      out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %d | %d | %.1f | %.1f |",
          r.target().name(), r.percentileMillis(0.5), r.percentileMillis(0.99), r.meanMillis(), r.cpuMillisPerScrape(),
          r.bodyBytes(), r.bodyLines(), r.rssKb() / 1024.0, r.hwmKb() / 1024.0));
      if (base != null) {
        out.append(String.format(Locale.ROOT, " %.2f | %.2f |",
            r.percentileMillis(0.5) / base.percentileMillis(0.5), r.percentileMillis(0.99) / base.percentileMillis(0.99)));
      }
      out.append(System.lineSeparator());
    }
    System.out.print(out);
  }
}
