package com.saypro.monitor.logengine.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON lines (one object per line). A field is addressed by dotted path, {@code http.request.method}; a key that
 * itself contains dots ({@code "http.method": ...}, as flattened ECS logs have) is found first. Scalars are their
 * text, objects and arrays their JSON, null and absent are null.
 */
public final class JsonLineParser implements LineParser {

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public ParseResult parse(String line) {
        JsonNode root;
        try {
            root = json.readTree(line);
        } catch (JacksonException | RuntimeException e) {
            return new ParseResult.Failed("json_syntax", String.valueOf(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return new ParseResult.Failed("json_not_object", "line is JSON but not an object");
        }
        return new ParseResult.Parsed(name -> lookup(root, name));
    }

    private static String lookup(JsonNode root, String path) {
        JsonNode node = root.get(path);
        if (node == null && path.indexOf('.') > 0) {
            node = root;
            for (String key : path.split("\\.")) {
                node = node.get(key);
                if (node == null) {
                    return null;
                }
            }
        }
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
