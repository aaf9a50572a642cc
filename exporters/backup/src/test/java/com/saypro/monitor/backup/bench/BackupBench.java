package com.saypro.monitor.backup.bench;

import com.saypro.monitor.backup.BackupExporterDefinition;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The backup exporter's benchmark (not a test; run by bench/backup/run.sh).
 *
 * <p>scrape: 50 folder jobs over one folder of 10,000 dump files (200 per job, sha256 sidecars),
 * first scrape (lists the folder, hashes each job's newest dump) against later ones (cached).
 *
 * <p>drill: a restore drill of a pg_dump of the demo schema with ROWS orders against plain
 * {@code pg_restore} of the same dump into a database created for it, alternating, median of RUNS.
 */
public final class BackupBench {
  public static void main(String[] args) throws Exception {
    String what = args.length > 0 ? args[0] : "all";
    if (what.equals("all") || what.equals("scrape")) {
      scrape();
    }
    if (what.equals("all") || what.equals("drill")) {
      drill(Integer.parseInt(System.getProperty("rows", "300000")), Integer.parseInt(System.getProperty("runs", "3")));
    }
  }

  private static void scrape() throws Exception {
    Path dir = Files.createTempDirectory("backup-bench-");
    Path dumps = Files.createDirectories(dir.resolve("dumps"));
    StringBuilder yaml = new StringBuilder("jobs:\n");
    byte[] content = new byte[64 * 1024];
    Arrays.fill(content, (byte) 'x');
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    Instant base = Instant.parse("2026-01-01T02:00:00Z");
    for (int job = 0; job < 50; job++) {
      String prefix = String.format("saypro-job%02d-", job);
      yaml.append("  - {name: job").append(job).append(", max_age: 26h, source: {type: folder, path: dumps, pattern: '")
          .append(prefix).append(".*\\.dump', checksum: sidecar}}\n");
      for (int i = 0; i < 200; i++) {
        Path f = dumps.resolve(prefix + String.format("%03d", i) + ".dump");
        Files.write(f, content);
        Files.setLastModifiedTime(f, FileTime.from(base.plusSeconds(86400L * i)));
        if (i == 199) {
          Files.writeString(dumps.resolve(f.getFileName() + ".sha256"), sum + "  " + f.getFileName() + "\n");
        }
      }
    }
    Files.setLastModifiedTime(dumps, FileTime.from(base)); // settled: unchanged since
    try (ExporterTestKit kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir)
        .config(yaml.toString()).start()) {
      long t0 = System.nanoTime();
      var first = kit.scrape();
      double firstMs = (System.nanoTime() - t0) / 1e6;
      if (first.find("saypro_backup_integrity_ok").size() != 50) {
        throw new IllegalStateException("expected 50 verified jobs: " + first.find("saypro_backup_integrity_ok").size());
      }
      List<Double> later = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        long t = System.nanoTime();
        kit.scrape();
        later.add((System.nanoTime() - t) / 1e6);
      }
      var last = kit.scrape();
      later.sort(Double::compare);
      double median = later.get(later.size() / 2);
      double p99 = later.get(98);
      System.out.printf("scrape: 50 jobs, 10,000 files: first %.1f ms, later median %.2f ms, p99 %.2f ms, "
              + "first/later ratio %.1f; folder listings %s, checksum reads %s (after 102 scrapes)%n",
          firstMs, median, p99, firstMs / median, (long) last.value("saypro_backup_folder_listings_total"),
          (long) last.value("saypro_backup_checksum_reads_total"));
    }
  }

  private static void drill(int rows, int runs) throws Exception {
    String source = "saypro_bench_src_" + ProcessHandle.current().pid();
    String plain = "saypro_bench_plain_" + ProcessHandle.current().pid();
    String scratch = "saypro_bench_drill_" + ProcessHandle.current().pid();
    Path dir = Files.createTempDirectory("backup-bench-drill-");
    Path state = Files.createDirectories(dir.resolve("state"));
    try {
      psql("postgres", "CREATE DATABASE " + source);
      psql(source, Files.readString(Path.of("demo/schema/postgresql.sql")));
      psql(source, "INSERT INTO users (email, password_hash, display_name) SELECT 'u' || g || '@x', 'h', 'U' FROM generate_series(1, "
          + rows / 10 + ") g; INSERT INTO orders (order_number, user_id, status, total_cents) SELECT 'o' || g, g % 1000, 'paid', g "
          + "FROM generate_series(1, " + rows + ") g; INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) "
          + "SELECT g, g % 100, 1, 100 FROM generate_series(1, " + rows + ") g;");
      Path dump = state.resolve("saypro.dump");
      run("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-Fc", "-f", dump.toString(), source);
      Files.writeString(state.resolve("nightly.json"), "{\"job\":\"nightly\",\"outcome\":\"success\",\"started\":\""
          + Instant.now() + "\",\"finished\":\"" + Instant.now() + "\",\"file\":\"saypro.dump\",\"tables\":{\"users\":"
          + rows / 10 + ",\"orders\":" + rows + ",\"order_lines\":" + rows + "}}");
      Files.writeString(dir.resolve("t"), "bench-token");
      String yaml = "jobs:\n  - {name: nightly, max_age: 1d, source: {type: status_file, folder: state, name: nightly.json}}\n"
          + "drills:\n  - {name: d, job: nightly, engine: postgresql, scheduled: false, scratch: {database: " + scratch
          + "}, sources: [{database: " + source + "}], verify: {tables: [users, orders, order_lines]}}\n"
          + "state_folder: st\ndrill_api: {bearer_token_file: t}\n";
      List<Double> plainSeconds = new ArrayList<>();
      List<Double> restoreOnly = new ArrayList<>();
      List<Double> drillSeconds = new ArrayList<>();
      List<Double> drillRestore = new ArrayList<>();
      try (ExporterTestKit kit = ExporterTestKit.builder(new BackupExporterDefinition()).directory(dir).config(yaml).start()) {
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          psql("postgres", "CREATE DATABASE " + plain);
          long t1 = System.nanoTime();
          run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "-h", "127.0.0.1", "-U", "postgres", "-d",
              plain, dump.toString());
          long t2 = System.nanoTime();
          psql("postgres", "DROP DATABASE " + plain);
          plainSeconds.add((System.nanoTime() - t0) / 1e9);
          restoreOnly.add((t2 - t1) / 1e9);
          long d0 = System.nanoTime();
          HttpResponse<String> r = kit.send(java.net.http.HttpRequest.newBuilder(kit.uri("/drill?name=d&wait=true"))
              .timeout(java.time.Duration.ofMinutes(10)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()),
              java.net.http.HttpResponse.BodyHandlers.ofString(), "Authorization", "Bearer bench-token");
          drillSeconds.add((System.nanoTime() - d0) / 1e9);
          if (r.statusCode() != 200) {
            throw new IllegalStateException("drill failed: " + r.body());
          }
          drillRestore.add(kit.scrape().value("saypro_backup_drill_restore_duration_seconds", "drill", "d"));
        }
      }
      double p = median(plainSeconds);
      double ro = median(restoreOnly);
      double d = median(drillSeconds);
      System.out.printf("drill: dump %.1f MB (%d orders), median of %d: pg_restore alone %.2f s, createdb+pg_restore+dropdb %.2f s, "
              + "drill end to end (HTTP, create, restore, verify, drop) %.2f s, drill's measured restore %.2f s; "
              + "ratio drill/plain %.3f (overhead %.1f %%), drill/pg_restore alone %.3f%n",
          Files.size(dump) / 1e6, rows, runs, ro, p, d, median(drillRestore), d / p, (d / p - 1) * 100, d / ro);
    } finally {
      psql("postgres", "DROP DATABASE IF EXISTS " + plain);
      psql("postgres", "DROP DATABASE IF EXISTS " + scratch);
      psql("postgres", "DROP DATABASE IF EXISTS " + source);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    return sorted.get(sorted.size() / 2);
  }

  private static void psql(String db, String sql) throws Exception {
    Process p = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", db)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().write(sql.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    p.getOutputStream().close();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("psql failed on " + db);
    }
  }

  private static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(argv[0] + " failed");
    }
  }
}
