package com.saypro.monitor.logengine.tail;

import com.saypro.monitor.core.testkit.MutableClock;
import static com.saypro.monitor.logengine.tail.LogFiles.append;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts, clean and unclean. "kill -9" is simulated by dropping a tailer without closing it: nothing it held
 * in memory survives, only what its last checkpoint wrote.
 */
class TailerRestartTest {

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.atEpoch();

    private TailerConfig config(Path log) {
        return TailerConfig.of(List.of(log.toString()), dir.resolve("state.json"));
    }

    @Test
    void aCleanRestartContinuesExactlyWhereTheLastRunStopped() {
        Path log = dir.resolve("app.log");
        append(log, "one\ntwo\nhalf");
        CollectingSink first = new CollectingSink();
        Tailer tailer = new Tailer(config(log), first, clock);
        tailer.poll();
        tailer.close();

        append(log, " done\nthree\n");
        CollectingSink second = new CollectingSink();
        new Tailer(config(log), second, clock).poll();

        assertThat(first.all()).containsExactly("one", "two");
        assertThat(second.all()).containsExactly("half done", "three");
    }

    @Test
    void afterKillMinus9OnlyLinesReadSinceTheLastCheckpointAreDeliveredAgain() {
        Path log = dir.resolve("app.log");
        TailerConfig everyMinute = config(log).withCheckpointInterval(Duration.ofMinutes(1));
        append(log, "a\nb\n");
        CollectingSink first = new CollectingSink();
        Tailer crashed = new Tailer(everyMinute, first, clock);
        clock.advance(Duration.ofMinutes(1));
        assertThat(crashed.poll().checkpointed()).isTrue();
        append(log, "c\n");
        assertThat(crashed.poll().checkpointed()).isFalse();
        // crashed is dropped without close(): the process died

        append(log, "d\n");
        CollectingSink second = new CollectingSink();
        new Tailer(everyMinute, second, clock).poll();

        assertThat(first.all()).containsExactly("a", "b", "c");
        assertThat(second.all()).containsExactly("c", "d");
    }

    @Test
    void withCheckpointsAfterEveryPollAKilledTailerLosesAndRepeatsNothing() {
        Path log = dir.resolve("app.log");
        append(log, "a\n");
        CollectingSink first = new CollectingSink();
        new Tailer(config(log), first, clock).poll();
        append(log, "b\n");
        CollectingSink second = new CollectingSink();
        new Tailer(config(log), second, clock).poll();
        assertThat(first.all()).containsExactly("a");
        assertThat(second.all()).containsExactly("b");
    }

    @Test
    void aFileRotatedWhileStoppedIsFinishedFromItsNewNameBeforeTheNewFileIsRead() {
        Path log = dir.resolve("access.log");
        append(log, "a\n");
        new Tailer(config(log), new CollectingSink(), clock).poll();

        append(log, "b written before rotation\n");
        LogFiles.renameAway(log, dir.resolve("access.log.1"));
        append(log, "c in the new file\n");

        CollectingSink second = new CollectingSink();
        Tailer restarted = new Tailer(config(log), second, clock);
        restarted.poll();
        assertThat(second.all()).containsExactly("b written before rotation", "c in the new file");
        assertThat(restarted.stats().get(0).rotations()).isEqualTo(1);
    }

    @Test
    void aFileTruncatedWhileStoppedIsReadFromTheStart() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "old line one\nold line two\n");
        Tailer first = new Tailer(config(log), new CollectingSink(), clock);
        first.poll();
        first.close();

        LogFiles.copyTruncate(log, dir.resolve("app.log.1"));
        append(log, "new\n");
        CollectingSink second = new CollectingSink();
        Tailer restarted = new Tailer(config(log), second, clock);
        restarted.poll();

        assertThat(second.all()).containsExactly("new");
        assertThat(restarted.stats().get(0).truncations()).isEqualTo(1);
    }

    @Test
    void aFileRewrittenInPlaceWhileStoppedIsNoticedByItsChangedHead() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "2025-01-01 first\n");
        Tailer first = new Tailer(config(log), new CollectingSink(), clock);
        first.poll();
        first.close();

        // same inode, longer than the checkpointed offset, but different content
        try (var channel = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        append(log, "2025-02-02 replaced content, longer than before\n");
        CollectingSink second = new CollectingSink();
        new Tailer(config(log), second, clock).poll();
        assertThat(second.all()).containsExactly("2025-02-02 replaced content, longer than before");
    }

    @Test
    void theFirstStartCanSkipTheHistoryOfAnExistingLogButNotOfFilesThatAppearLater() {
        append(dir.resolve("big.log"), "history\n");
        CollectingSink sink = new CollectingSink();
        Tailer tailer = new Tailer(TailerConfig.of(List.of(dir.resolve("*.log").toString()),
                dir.resolve("state.json")).withStartPosition(StartPosition.END), sink, clock);
        tailer.poll();
        append(dir.resolve("big.log"), "new in big\n");
        append(dir.resolve("later.log"), "first line of a new file\n");
        tailer.poll();
        assertThat(sink.all()).containsExactlyInAnyOrder("new in big", "first line of a new file");
    }

    @Test
    void theStateFileIsReplacedAtomicallyAndAGarbledOneIsSetAsideNotFatal() throws Exception {
        Path log = dir.resolve("app.log");
        append(log, "a\n");
        Files.writeString(dir.resolve("state.json"), "{not json");
        CollectingSink sink = new CollectingSink();
        Tailer tailer = new Tailer(config(log), sink, clock);
        tailer.poll();

        assertThat(sink.all()).containsExactly("a");
        assertThat(dir.resolve("state.json.corrupt")).hasContent("{not json");
        assertThat(Files.readString(dir.resolve("state.json"))).contains("\"offset\" : 2");
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }
}
