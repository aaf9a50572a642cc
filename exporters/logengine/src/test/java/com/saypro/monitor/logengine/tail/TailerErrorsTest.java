package com.saypro.monitor.logengine.tail;

import com.saypro.monitor.core.testkit.MutableClock;
import static com.saypro.monitor.logengine.tail.LogFiles.append;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file's problem is reported on that file; the others keep being read. */
class TailerErrorsTest {

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();

    private Tailer tail(Path... paths) {
        return new Tailer(TailerConfig.of(List.of(paths).stream().map(Path::toString).toList(),
                dir.resolve("state.json")), sink, MutableClock.atEpoch());
    }

    private static FileStatsSnapshot statsOf(Tailer tailer, Path path) {
        return tailer.stats().stream().filter(s -> s.path().equals(path.toString())).findFirst().orElseThrow();
    }

    @Test
    void aDirectoryWhereALogFileShouldBeIsAnErrorWhileOtherFilesKeepGoing() throws Exception {
        Path good = dir.resolve("good.log");
        Path bad = Files.createDirectory(dir.resolve("bad.log"));
        append(good, "ok 1\n");
        Tailer tailer = tail(bad, good);
        tailer.poll();
        append(good, "ok 2\n");
        tailer.poll();

        assertThat(sink.all()).containsExactly("ok 1", "ok 2");
        FileStatsSnapshot stats = statsOf(tailer, bad);
        assertThat(stats.state()).isEqualTo(FileState.ERROR);
        assertThat(stats.lastError()).contains("not a regular file");
        assertThat(stats.readErrors()).isEqualTo(2);
        assertThat(statsOf(tailer, good).state()).isEqualTo(FileState.FOLLOWING);
    }

    @Test
    void aMissingFileOrDanglingSymlinkIsReportedMissingAndPickedUpOnceItExists() throws Exception {
        Path target = dir.resolve("target.log");
        Path link = Files.createSymbolicLink(dir.resolve("link.log"), target);
        Tailer tailer = tail(link);
        tailer.poll();
        assertThat(statsOf(tailer, link).state()).isEqualTo(FileState.MISSING);

        append(target, "now it exists\n");
        tailer.poll();
        assertThat(sink.all()).containsExactly("now it exists");
        assertThat(statsOf(tailer, link).state()).isEqualTo(FileState.FOLLOWING);
    }

    @Test
    void anUnreadableFileIsAnErrorUnlessWeRunAsRootWhereModeBitsDoNotApply() throws Exception {
        Path secret = dir.resolve("secret.log");
        Path good = dir.resolve("good.log");
        append(secret, "hidden\n");
        append(good, "ok\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        boolean modeBitsApply = !Files.isReadable(secret);

        Tailer tailer = tail(secret, good);
        tailer.poll();

        if (modeBitsApply) {
            assertThat(statsOf(tailer, secret).state()).isEqualTo(FileState.ERROR);
            assertThat(statsOf(tailer, secret).lastError()).contains("AccessDenied");
            assertThat(sink.all()).containsExactly("ok");
        } else {
            // root (CAP_DAC_OVERRIDE) reads it anyway; the error path is covered by the directory test above
            assertThat(statsOf(tailer, secret).state()).isEqualTo(FileState.FOLLOWING);
            assertThat(sink.all()).containsExactly("hidden", "ok");
        }
    }
}
