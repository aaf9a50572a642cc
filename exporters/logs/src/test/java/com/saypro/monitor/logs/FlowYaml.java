package com.saypro.monitor.logs;

import java.util.List;
import java.util.Map;

/** Config trees as flow YAML that any value, however odd, survives: the fuzzers' writer. */
final class FlowYaml {

    private FlowYaml() {
    }

    /** Flow YAML: maps and lists in braces and brackets, strings double-quoted with escapes for the odd ones. */
    static String write(Object tree) {
        StringBuilder out = new StringBuilder();
        node(tree, out);
        return out.append('\n').toString();
    }

    private static void node(Object node, StringBuilder out) {
        if (node == null) {
            out.append("null");
        } else if (node instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(": ");
                node(e.getValue(), out);
            }
            out.append('}');
        } else if (node instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                node(l.get(i), out);
            }
            out.append(']');
        } else if (node instanceof Double d) {
            out.append(d.isNaN() ? ".nan" : d.isInfinite() ? (d > 0 ? ".inf" : "-.inf") : d.toString());
        } else if (node instanceof Number || node instanceof Boolean) {
            out.append(node);
        } else {
            quote(node.toString(), out);
        }
    }

    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) && !validPair(s, i)
                    || c == '\ufeff' || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static boolean validPair(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
