package com.saypro.monitor.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a config tree: any node replaced, removed, wrapped in a list, or given a new or renamed key;
 * {@code where} picks the node (modulo the node count).
 */
record TreeMutation(Kind kind, int where, String key, Object value) {

    enum Kind { REPLACE, ADD_KEY, REMOVE, WRAP_IN_LIST, RENAME_KEY }

    static Arbitrary<TreeMutation> arbitrary() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers(), HostileValues.keys(),
                HostileValues.values()).as(TreeMutation::new);
    }

    Object apply(Object tree) {
        // a fresh copy: jqwik may hand the same value object to two mutations (duplicates in a list), and
        // adding a value into itself would make the tree a cycle
        Object value = ConfigTrees.copy(this.value);
        List<Slot> slots = new ArrayList<>();
        collect(tree, null, null, slots);
        if (slots.isEmpty()) {
            return value;
        }
        Slot slot = slots.get(Math.floorMod(where, slots.size()));
        Object node = slot.get();
        switch (kind) {
            case REPLACE -> {
                if (slot.isRoot()) {
                    return value;
                }
                slot.set(value);
            }
            case ADD_KEY -> {
                if (node instanceof Map<?, ?> m) {
                    ConfigTrees.castMap(m).put(key, value);
                } else if (node instanceof List<?> l) {
                    ConfigTrees.castList(l).add(value);
                } else if (!slot.isRoot()) {
                    slot.set(value);
                }
            }
            case REMOVE -> slot.remove();
            case WRAP_IN_LIST -> {
                if (slot.isRoot()) {
                    return ConfigTrees.list(node);
                }
                slot.set(ConfigTrees.list(node));
            }
            case RENAME_KEY -> slot.rename(key);
        }
        return tree;
    }

    /** A place in a tree: a map entry or a list item (or the root, with no parent). */
    private record Slot(Object parent, Object keyOrIndex, Object node) {

        boolean isRoot() {
            return parent == null;
        }

        Object get() {
            return node;
        }

        void set(Object value) {
            if (parent instanceof Map<?, ?> m) {
                ConfigTrees.castMap(m).put((String) keyOrIndex, value);
            } else if (parent instanceof List<?> l) {
                ConfigTrees.castList(l).set((Integer) keyOrIndex, value);
            }
        }

        void remove() {
            if (parent instanceof Map<?, ?> m) {
                m.remove(keyOrIndex);
            } else if (parent instanceof List<?> l) {
                l.remove((int) (Integer) keyOrIndex);
            }
        }

        void rename(String newKey) {
            if (parent instanceof Map<?, ?> m && !m.containsKey(newKey)) {
                Map<String, Object> map = ConfigTrees.castMap(m);
                Map<String, Object> copy = new LinkedHashMap<>(map);
                map.clear();
                copy.forEach((k, v) -> map.put(k.equals(keyOrIndex) ? newKey : k, v));
            }
        }
    }

    private static void collect(Object node, Object parent, Object keyOrIndex, List<Slot> slots) {
        slots.add(new Slot(parent, keyOrIndex, node));
        if (node instanceof Map<?, ?> m) {
            for (Object key : new ArrayList<>(m.keySet())) {
                collect(m.get(key), node, key, slots);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.get(i), node, i, slots);
            }
        }
    }
}
