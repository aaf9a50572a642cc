package com.saypro.monitor.logengine.tail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the tailer is promised to deliver, computed independently of how it works. Tracks which lines sit
 * in which file, which files the engine can reach, and, from that, which lines may legitimately be lost
 * (copytruncate, unreachable files) or repeated (read after the last checkpoint, then a crash).
 */
final class TailingModel {

    /** One file (inode) as the model sees it. Entries are complete lines in file order. */
    static final class FileModel {
        final List<Entry> entries = new ArrayList<>();
        boolean linked = true;
        boolean known;
        int consumed;
        int generation;
    }

    /** A complete line in a file: a whole written line or the remainder of one cut by copytruncate. */
    record Entry(int lineId, String text, boolean fragment) {
    }

    private record Position(int generation, int consumed) {
    }

    final Map<Integer, String> written = new HashMap<>();
    final Set<Integer> mayBeLost = new HashSet<>();
    final Set<Integer> mayRepeat = new HashSet<>();
    final Set<String> allowedFragments = new HashSet<>();
    final List<FileModel> files = new ArrayList<>();
    FileModel live;
    int restarts;
    private Map<FileModel, Position> lastCheckpoint = Map.of();
    private int emittedAtCheckpoint;
    private boolean resumePending;

    FileModel createLive() {
        live = new FileModel();
        files.add(live);
        return live;
    }

    void completed(FileModel file, int lineId, String text) {
        written.put(lineId, text);
        file.entries.add(new Entry(lineId, text, false));
    }

    /** The remainder of a line whose start went into the copy: it arrives as a line of its own. */
    void fragmentCompleted(FileModel file, int lineId, String remainder) {
        mayBeLost.add(lineId);
        allowedFragments.add(remainder);
        file.entries.add(new Entry(lineId, remainder, true));
    }

    /** Lines the engine had not read when the file was copied aside and truncated are only in the copy. */
    void copyTruncated(FileModel file, Integer pendingPartialLineId) {
        file.entries.subList(file.consumed, file.entries.size()).forEach(e -> mayBeLost.add(e.lineId()));
        if (pendingPartialLineId != null) {
            mayBeLost.add(pendingPartialLineId);
        }
        file.entries.clear();
        file.consumed = 0;
        file.generation++;
    }

    /** A poll reads every complete line of every reachable file; unreachable files are abandoned. */
    void polled(boolean checkpointed, int emittedSoFar) {
        if (resumePending) {
            resume();
        }
        if (live != null && live.linked) {
            live.known = true;
        }
        for (FileModel file : files) {
            if (file.known) {
                file.consumed = file.entries.size();
            } else if (file != live) {
                // never seen at the path by this engine, not in its checkpoint: nothing will ever read it
                file.entries.subList(file.consumed, file.entries.size()).forEach(e -> mayBeLost.add(e.lineId()));
                file.consumed = file.entries.size();
            }
        }
        if (checkpointed) {
            Map<FileModel, Position> positions = new HashMap<>();
            files.stream().filter(f -> f.known).forEach(f -> positions.put(f, new Position(f.generation, f.consumed)));
            lastCheckpoint = positions;
            emittedAtCheckpoint = emittedSoFar;
        }
    }

    /** kill -9 and start: only the last checkpoint survives; lines read after it may come again. */
    void restarted(List<String> emitted) {
        restarts++;
        for (String line : emitted.subList(emittedAtCheckpoint, emitted.size())) {
            Integer id = lineIdOf(line);
            if (id != null) {
                mayRepeat.add(id);
            }
        }
        files.forEach(f -> f.known = false);
        resumePending = true;
        emittedAtCheckpoint = emitted.size();
    }

    /** The new engine looks for its checkpointed files at its first poll, not when it is created. */
    private void resume() {
        resumePending = false;
        for (FileModel file : files) {
            Position position = lastCheckpoint.get(file);
            file.known = position != null && file.linked;
            if (file.known && file != live && position.generation() != file.generation) {
                // truncated and then renamed away while down: its head no longer matches the checkpoint, and
                // the engine cannot tell it from an unrelated file that reused the inode number, so it skips it
                file.known = false;
            }
            if (file.known) {
                file.consumed = position.generation() == file.generation ? position.consumed() : 0;
            } else if (file == live) {
                file.consumed = 0; // not in the checkpoint: read again from the start when found at the path
            }
        }
    }

    static Integer lineIdOf(String line) {
        if (!line.startsWith("L")) {
            return null;
        }
        int dash = line.indexOf('-');
        return dash < 0 ? null : Integer.valueOf(line.substring(1, dash));
    }
}
