package com.saypro.monitor.logengine.tail;

import com.saypro.monitor.core.testkit.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Thousands of random histories of a log file: a writer appending whole and partial lines, logrotate renaming
 * or copytruncating, the file deleted, the engine killed and restarted. What must hold (see README):
 * <ul>
 *   <li>every line written is delivered, except lines copytruncate copied away before the engine read them
 *       (and a line cut in two by copytruncate, whose remainder arrives as a fragment), and lines in a file the
 *       engine could never reach (rotated away twice between polls, or deleted while the engine was down);</li>
 *   <li>a line is delivered more than once only if it was read after the last checkpoint before a crash,
 *       and then at most once more per crash;</li>
 *   <li>a delivered line is byte-for-byte a written line (or an expected fragment): nothing is garbled.</li>
 * </ul>
 */
class TailerPropertyTest {

    sealed interface Op permits Write, Partial, Rotate, CopyTruncate, Delete, Restart, Poll {
    }

    record Write(int lines, int length) implements Op {
    }

    record Partial(int length, int split) implements Op {
    }

    record Rotate() implements Op {
    }

    record CopyTruncate() implements Op {
    }

    record Delete() implements Op {
    }

    record Restart() implements Op {
    }

    record Poll() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<Op> write = Combinators.combine(Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(0, 150)).as(Write::new);
        Arbitrary<Op> partial = Combinators.combine(Arbitraries.integers().between(2, 150),
                Arbitraries.integers().between(1, 1000)).as(Partial::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(6, write),
                Tuple.of(3, partial),
                Tuple.of(2, Arbitraries.just(new Rotate())),
                Tuple.of(1, Arbitraries.just(new CopyTruncate())),
                Tuple.of(1, Arbitraries.just(new Delete())),
                Tuple.of(2, Arbitraries.just(new Restart())),
                Tuple.of(6, Arbitraries.just(new Poll())));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 3000)
    void everyWrittenLineIsDeliveredExceptWhereTheGuaranteeSaysOtherwise(
            @ForAll("histories") List<Op> history,
            @ForAll("checkpointIntervals") Duration checkpointInterval) throws IOException {
        Path dir = Files.createTempDirectory(scratch(), "tail-property");
        try {
            new Run(dir, checkpointInterval).play(history);
        } finally {
            deleteTree(dir);
        }
    }

    @Provide
    Arbitrary<Duration> checkpointIntervals() {
        return Arbitraries.of(Duration.ZERO, Duration.ofSeconds(3));
    }

    /** One history against a real directory. */
    private static final class Run {
        private final Path dir;
        private final Path log;
        private final TailerConfig config;
        private final MutableClock clock = MutableClock.atEpoch();
        private final CollectingSink sink = new CollectingSink();
        private final TailingModel model = new TailingModel();
        private Tailer tailer;
        private FileChannel writer;
        private TailingModel.FileModel writerFile;
        private Integer partialId;
        private String partialRest;
        private String partialText;
        private int nextId;
        private int rotations;

        Run(Path dir, Duration checkpointInterval) {
            this.dir = dir;
            this.log = dir.resolve("app.log");
            // rotated files stay open for the whole history: the clock moves 1 s per poll
            this.config = TailerConfig.of(List.of(log.toString()), dir.resolve("state.json"))
                    .withCheckpointInterval(checkpointInterval)
                    .withRotatedFileGrace(Duration.ofDays(1));
            this.tailer = new Tailer(config, sink, clock);
        }

        void play(List<Op> history) throws IOException {
            try {
                for (Op op : history) {
                    apply(op);
                }
                finishPartial();
                poll();
                poll();
                verify();
            } finally {
                tailer.closeWithoutCheckpoint();
                if (writer != null) {
                    writer.close();
                }
            }
        }

        private void apply(Op op) throws IOException {
            if (op instanceof Write w) {
                finishPartial();
                for (int i = 0; i < w.lines(); i++) {
                    int id = nextId++;
                    String text = lineText(id, w.length() + i);
                    write(text + "\n");
                    model.completed(writerFile, id, text);
                }
            } else if (op instanceof Partial p) {
                finishPartial();
                int id = nextId++;
                String text = lineText(id, p.length());
                int split = 1 + p.split() % (text.length() - 1);
                write(text.substring(0, split));
                partialId = id;
                partialText = text;
                partialRest = text.substring(split);
            } else if (op instanceof Rotate) {
                if (writerFile == null || !Files.exists(log)) {
                    return;
                }
                LogFiles.renameAway(log, dir.resolve("app.log." + (++rotations)));
                finishPartial(); // the writer still holds the renamed file until it reopens
                reopenWriter();
            } else if (op instanceof CopyTruncate) {
                if (writerFile == null || !Files.exists(log)) {
                    return;
                }
                LogFiles.copyTruncate(log, dir.resolve("app.log." + (++rotations)));
                model.copyTruncated(writerFile, partialId);
                if (partialId != null) {
                    // the start of the line went into the copy; the writer completes it in the emptied file
                    write(partialRest + "\n");
                    model.fragmentCompleted(writerFile, partialId, partialRest);
                    partialId = null;
                }
            } else if (op instanceof Delete) {
                if (writerFile == null || !Files.exists(log)) {
                    return;
                }
                Files.delete(log);
                finishPartial();
                writerFile.linked = false;
                writer.close();
                writer = null;
                writerFile = null;
                model.live = null;
            } else if (op instanceof Restart) {
                tailer.closeWithoutCheckpoint();
                model.restarted(sink.all());
                tailer = new Tailer(config, sink, clock);
            } else if (op instanceof Poll) {
                poll();
            }
        }

        private void poll() {
            clock.advance(Duration.ofSeconds(1));
            PollResult result = tailer.poll();
            model.polled(result.checkpointed(), sink.all().size());
        }

        private void finishPartial() throws IOException {
            if (partialId != null) {
                write(partialRest + "\n");
                model.completed(writerFile, partialId, partialText);
                partialId = null;
            }
        }

        private void write(String text) throws IOException {
            if (writer == null) {
                reopenWriter();
            }
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                writer.write(bytes);
            }
        }

        /** The writer reopens its log path, as nginx does on USR1 (logrotate's create makes it empty first). */
        private void reopenWriter() throws IOException {
            if (writer != null) {
                writer.close();
            }
            writer = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            writerFile = model.createLive();
        }

        private void verify() {
            List<String> emitted = sink.all();
            Map<Integer, Integer> counts = new HashMap<>();
            for (String line : emitted) {
                Integer id = TailingModel.lineIdOf(line);
                if (id == null) {
                    assertThat(model.allowedFragments).as("unexpected line %s", line).contains(line);
                    continue;
                }
                assertThat(line).as("delivered line is exactly the written one").isEqualTo(model.written.get(id));
                counts.merge(id, 1, Integer::sum);
            }
            for (Map.Entry<Integer, String> line : model.written.entrySet()) {
                int id = line.getKey();
                int count = counts.getOrDefault(id, 0);
                if (!model.mayBeLost.contains(id)) {
                    assertThat(count).as("line %d delivered", id).isGreaterThanOrEqualTo(1);
                }
                int allowed = model.mayRepeat.contains(id) ? 1 + model.restarts : 1;
                assertThat(count).as("deliveries of line %d", id).isLessThanOrEqualTo(allowed);
            }
        }
    }

    private static String lineText(int id, int padding) {
        StringBuilder text = new StringBuilder("L").append(id).append('-');
        for (int i = 0; i < padding; i++) {
            text.append((char) ('a' + (id + i) % 26));
        }
        return text.toString();
    }

    /** tmpfs when available: the state file is fsynced after every poll, thousands of times. */
    private static Path scratch() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
