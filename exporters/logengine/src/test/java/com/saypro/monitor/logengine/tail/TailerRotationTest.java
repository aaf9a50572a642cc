package com.saypro.monitor.logengine.tail;

import com.saypro.monitor.core.testkit.MutableClock;
import static com.saypro.monitor.logengine.tail.LogFiles.append;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation the way logrotate, nginx and deploy tools do it, on real files. */
class TailerRotationTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.atEpoch();
    private final CollectingSink sink = new CollectingSink();
    private Tailer tailer;

    private Tailer tail(String... paths) {
        tailer = new Tailer(TailerConfig.of(List.of(paths), dir.resolve("state.json")), sink, clock);
        return tailer;
    }

    @AfterEach
    void close() {
        if (tailer != null) {
            tailer.close();
        }
    }

    private FileStatsSnapshot stats() {
        return tailer.stats().get(0);
    }

    @Test
    void renameAndCreateFinishesTheOldFileThenReadsTheNewOneFromTheStart() throws Exception {
        Path log = dir.resolve("access.log");
        append(log, "one\ntwo\n");
        tail(log.toString()).poll();
        assertThat(sink.fresh()).containsExactly("one", "two");

        append(log, "three\n");
        LogFiles.renameAway(log, dir.resolve("access.log.1"));
        // nginx keeps writing to the renamed file until it receives USR1 and reopens
        append(dir.resolve("access.log.1"), "four\n");
        append(log, "five\n");
        tailer.poll();

        assertThat(sink.fresh()).containsExactly("three", "four", "five");
        assertThat(stats().rotations()).isEqualTo(1);

        append(dir.resolve("access.log.1"), "late write before reopen\n");
        append(log, "six\n");
        tailer.poll();
        assertThat(sink.fresh()).containsExactlyInAnyOrder("late write before reopen", "six");
    }

    @Test
    void aRotatedFileIsClosedOnceItStopsGrowingForTheGracePeriod() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "a\n");
        tail(log.toString()).poll();
        LogFiles.renameAway(log, dir.resolve("app.log.1"));
        append(log, "b\n");
        tailer.poll();
        clock.advance(Duration.ofMinutes(6));
        tailer.poll();
        tailer.checkpoint();

        String state = Files.readString(dir.resolve("state.json"));
        assertThat(state).doesNotContain("\"rotated\" : true");
        assertThat(sink.all()).containsExactly("a", "b");
    }

    @Test
    void copytruncateRestartsAtZeroAndCountsATruncation() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "first\nsecond\n");
        tail(log.toString()).poll();

        LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
        append(log, "third\n");
        tailer.poll();

        assertThat(sink.all()).containsExactly("first", "second", "third");
        assertThat(stats().truncations()).isEqualTo(1);
    }

    @Test
    void copytruncateIsNoticedEvenWhenTheFileGrewBackPastTheOldOffsetBeforeThePoll() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "2025-01-01T00:00:00 a\n");
        tail(log.toString()).poll();

        LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
        append(log, "2025-01-01T00:00:07 a much longer line written after the truncation\n");
        tailer.poll();

        assertThat(sink.fresh()).containsExactly("2025-01-01T00:00:00 a",
                "2025-01-01T00:00:07 a much longer line written after the truncation");
        assertThat(stats().truncations()).isEqualTo(1);
    }

    @Test
    void aSymlinkSwitchedToANewTargetIsFollowedAfterTheOldTargetIsFinished() throws Exception {
        Path first = dir.resolve("app-2025-01-01.log");
        Path second = dir.resolve("app-2025-01-02.log");
        Path current = dir.resolve("current.log");
        append(first, "old 1\n");
        Files.createSymbolicLink(current, first);
        tail(current.toString()).poll();

        append(first, "old 2\n");
        append(second, "new 1\n");
        LogFiles.pointSymlink(current, second);
        tailer.poll();

        assertThat(sink.all()).containsExactly("old 1", "old 2", "new 1");
        assertThat(stats().rotations()).isEqualTo(1);
    }

    @Test
    void aDeletedFileIsDrainedThroughItsOpenDescriptorAndANewOneAtThePathIsPickedUp() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "a\n");
        tail(log.toString()).poll();
        try (var writer = Files.newOutputStream(log, java.nio.file.StandardOpenOption.APPEND)) {
            Files.delete(log);
            writer.write("written after unlink\n".getBytes());
        }
        tailer.poll();
        assertThat(stats().state()).isEqualTo(FileState.MISSING);

        append(log, "recreated\n");
        tailer.poll();
        assertThat(sink.all()).containsExactly("a", "written after unlink", "recreated");
        assertThat(stats().state()).isEqualTo(FileState.FOLLOWING);
    }

    @Test
    void aGlobPicksUpFilesCreatedLater() {
        append(dir.resolve("a.log"), "from a\n");
        tail(dir.resolve("*.log").toString()).poll();
        append(dir.resolve("b.log"), "from b\n");
        append(dir.resolve("b.txt"), "not matched\n");
        tailer.poll();

        assertThat(sink.all()).containsExactly("from a", "from b");
        assertThat(tailer.stats()).extracting(FileStatsSnapshot::path)
                .containsExactly(dir.resolve("a.log").toString(), dir.resolve("b.log").toString());
    }
}
