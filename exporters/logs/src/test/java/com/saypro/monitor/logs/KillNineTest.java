package com.saypro.monitor.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterProcess;
import com.saypro.monitor.core.testkit.Ports;
import com.saypro.monitor.core.testkit.Scrape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real exporter process while it reads a backlog, four times, once with the log renamed away and
 * a new one created while it was down. After each kill the state file is whole (never torn, never moved aside as
 * corrupt) and points at a line boundary, and the restarted process reads exactly the lines after it: none lost, none
 * read twice by the new process. The lines read again are those of the killed process's poll in progress (up to
 * 64 MiB a poll; the whole 200,000-line backlog here), the documented bound on duplicates.
 */
class KillNineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRestartAfterKillNineReadsExactlyTheLinesAfterTheLastCheckpoint() throws Exception {
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                state_directory: state
                poll_interval: 20ms
                sources:
                  - name: access
                    paths: [access.log]
                    parser: {type: nginx, log_format: '$remote_addr "$request" $status'}
                    rules:
                      - name: saypro_test_requests_total
                        help: Requests by status
                        labels: [status]
                """);
        Path log = dir.resolve("access.log");
        append(log, "warm", 1_000);
        int port = Ports.free();
        ExporterProcess exporter = start(config, port);
        long readAgain = 0;
        try {
            awaitAllRead(exporter, 1_000);
            for (int round = 0; round < 4; round++) {
                // a backlog the exporter is still working through when it dies
                ExporterProcess running = exporter;
                double before = linesRead(running.scrape());
                append(log, "r" + round + "-", 200_000);
                Await.until("the exporter to start on the backlog", Duration.ofSeconds(30),
                        () -> linesRead(running.scrape()) > before);
                exporter.kill();

                Map<Long, Long> offsets = checkpointedOffsets();
                int writtenWhileDown = 0;
                if (round == 2) {
                    // logrotate while the exporter is down: renamed away, a new file created
                    Files.move(log, dir.resolve("access.log.1"));
                    writtenWhileDown = 500;
                    append(log, "new", writtenWhileDown);
                }
                long expected = 0;
                for (Path file : logFiles()) {
                    Long offset = offsets.get(inode(file));
                    byte[] bytes = Files.readAllBytes(file);
                    if (offset != null) {
                        assertThat(offset).as("checkpoint of %s", file).isBetween(0L, (long) bytes.length);
                        assertThat(offset == 0 || bytes[(int) (offset - 1)] == '\n')
                                .as("checkpoint %d of %s is at a line boundary", offset, file).isTrue();
                    }
                    expected += newlines(bytes, offset == null ? 0 : offset.intValue());
                }
                readAgain += expected - writtenWhileDown;

                exporter = start(config, port);
                Scrape after = awaitAllRead(exporter, expected);
                assertThat(linesRead(after)).as("round %d: lines read by the restarted process", round)
                        .isEqualTo(expected);
                assertThat(after.find("saypro_test_requests_total").stream().mapToDouble(Scrape.Sample::value).sum())
                        .as("round %d: requests counted by the restarted process", round).isEqualTo(expected);
            }
        } finally {
            exporter.close();
        }
        assertThat(readAgain).as("lines after the checkpoints the kills left (none: no kill hit a poll in progress)")
                .isPositive();
        try (Stream<Path> state = Files.list(dir.resolve("state"))) {
            assertThat(state.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("corrupt"));
        }
    }

    private ExporterProcess start(Path config, int port) {
        return ExporterProcess.start("logs", config, port, dir.resolve("exporter.log"),
                List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"));
    }

    /** Waits until the process has read at least {@code lines} and every file is read to its end. */
    private static Scrape awaitAllRead(ExporterProcess exporter, long lines) {
        Scrape[] last = new Scrape[1];
        Await.until("the exporter to read " + lines + " lines to the end of every file", Duration.ofSeconds(60), () -> {
            last[0] = exporter.scrape();
            return linesRead(last[0]) >= lines && lagBytes(last[0]) == 0;
        });
        return last[0];
    }

    private static double linesRead(Scrape scrape) {
        return scrape.find("saypro_log_lines_read_total").stream().mapToDouble(Scrape.Sample::value).sum();
    }

    private static double lagBytes(Scrape scrape) {
        return scrape.find("saypro_log_lag_bytes").stream().mapToDouble(Scrape.Sample::value).sum();
    }

    /** Offsets in the state file by inode; the file must be whole JSON of the current version. */
    private Map<Long, Long> checkpointedOffsets() throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(dir.resolve("state/access.state.json")));
        assertThat(root.path("version").asInt()).isEqualTo(1);
        Map<Long, Long> offsets = new HashMap<>();
        for (JsonNode file : root.path("files")) {
            offsets.put(file.get("ino").asLong(), file.get("offset").asLong());
        }
        assertThat(offsets).as("state file %s", root).isNotEmpty();
        return offsets;
    }

    private List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("access.log")).sorted().toList();
        }
    }

    private static long inode(Path file) throws IOException {
        return ((Number) Files.getAttribute(file, "unix:ino")).longValue();
    }

    private static long newlines(byte[] bytes, int from) {
        long count = 0;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static void append(Path log, String prefix, int count) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("10.0.0.").append(i % 250).append(" \"GET /products/").append(prefix).append(i)
                    .append(" HTTP/1.1\" ").append(i % 10 == 0 ? 503 : 200).append('\n');
        }
        Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
