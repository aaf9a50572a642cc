package com.saypro.monitor.logengine.tail;

import java.util.ArrayList;
import java.util.List;

/** Remembers every delivered line, and lets a test take the lines delivered since it last looked. */
final class CollectingSink implements LineSink {

    private final List<String> lines = new ArrayList<>();
    private int taken;

    @Override
    public synchronized void accept(LineSource source, String line) {
        lines.add(line);
    }

    synchronized List<String> all() {
        return List.copyOf(lines);
    }

    /** Lines delivered since the previous call. */
    synchronized List<String> fresh() {
        List<String> result = List.copyOf(lines.subList(taken, lines.size()));
        taken = lines.size();
        return result;
    }
}
