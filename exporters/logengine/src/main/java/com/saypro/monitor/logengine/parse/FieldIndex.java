package com.saypro.monitor.logengine.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Field names of a fixed-layout format, resolved to array slots once, so a parsed line is just a String[]. */
final class FieldIndex {

    private final Map<String, Integer> slots = new HashMap<>();
    private final List<String> names;

    FieldIndex(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            slots.putIfAbsent(names.get(i), i);
        }
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    /** The slot of a field, or -1. */
    int slot(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    Fields wrap(String[] values) {
        return name -> {
            Integer slot = slots.get(name);
            return slot == null ? null : values[slot];
        };
    }
}
