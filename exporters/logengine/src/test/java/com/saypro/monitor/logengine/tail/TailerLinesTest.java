package com.saypro.monitor.logengine.tail;

import com.saypro.monitor.core.testkit.MutableClock;
import static com.saypro.monitor.logengine.tail.LogFiles.append;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a line is: held until its newline, CR stripped, capped, and never an exception for odd bytes. */
class TailerLinesTest {

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();
    private Tailer tailer;

    private Tailer tail(Path log, int maxLineBytes) {
        tailer = new Tailer(TailerConfig.of(List.of(log.toString()), dir.resolve("state.json"))
                .withMaxLineBytes(maxLineBytes), sink, MutableClock.atEpoch());
        return tailer;
    }

    @AfterEach
    void close() {
        tailer.close();
    }

    @Test
    void aPartialLineIsHeldUntilItsNewlineArrives() {
        Path log = dir.resolve("app.log");
        append(log, "complete\nhalf a li");
        tail(log, 1024).poll();
        assertThat(sink.fresh()).containsExactly("complete");

        append(log, "ne\n");
        tailer.poll();
        assertThat(sink.fresh()).containsExactly("half a line");
    }

    @Test
    void windowsLineEndingsAreStripped() {
        Path log = dir.resolve("app.log");
        append(log, "one\r\ntwo\r\n\r\n");
        tail(log, 1024).poll();
        assertThat(sink.all()).containsExactly("one", "two", "");
    }

    @Test
    void anOverLongLineIsSkippedAndCountedWhileLaterLinesAreRead() {
        Path log = dir.resolve("app.log");
        append(log, "before\n");
        char[] chunk = new char[300_000];
        Arrays.fill(chunk, 'x');
        tail(log, 1000).poll();
        // the long line arrives over several polls, as a slow writer would produce it
        for (int i = 0; i < 4; i++) {
            append(log, new String(chunk));
            tailer.poll();
        }
        append(log, "\nafter\n");
        tailer.poll();

        assertThat(sink.all()).containsExactly("before", "after");
        FileStatsSnapshot stats = tailer.stats().get(0);
        assertThat(stats.skipped("too_long")).isEqualTo(1);
        assertThat(stats.linesRead()).isEqualTo(2);
        assertThat(stats.bytesRead()).isEqualTo(7 + 1_200_000 + 7);
    }

    @Test
    void aLineExactlyAtTheCapIsKeptEvenWithACarriageReturn() {
        Path log = dir.resolve("app.log");
        append(log, "12345\r\n123456\n");
        tail(log, 5).poll();
        assertThat(sink.all()).containsExactly("12345");
        assertThat(tailer.stats().get(0).skipped("too_long")).isEqualTo(1);
    }

    @Test
    void invalidUtf8AndNulBytesAreDeliveredWithReplacementCharacters() {
        Path log = dir.resolve("app.log");
        append(log, new byte[] {'a', (byte) 0xff, (byte) 0xfe, 'b', 0, 'c', '\n', (byte) 0xc3, '\n', 'o', 'k', '\n'});
        tail(log, 1024).poll();
        assertThat(sink.all()).containsExactly("a\uFFFD\uFFFDb\u0000c", "\uFFFD", "ok");
    }

    @Test
    void aSinkThatThrowsIsCountedAndTheNextLinesStillArrive() {
        Path log = dir.resolve("app.log");
        append(log, "boom\nfine\n");
        CollectingSink kept = new CollectingSink();
        tailer = new Tailer(TailerConfig.of(List.of(log.toString()), dir.resolve("state.json")), (source, line) -> {
            if (line.equals("boom")) {
                throw new IllegalStateException("consumer bug");
            }
            kept.accept(source, line);
        }, MutableClock.atEpoch());
        tailer.poll();
        assertThat(kept.all()).containsExactly("fine");
        assertThat(tailer.stats().get(0).skipped("sink_error")).isEqualTo(1);
    }
}
