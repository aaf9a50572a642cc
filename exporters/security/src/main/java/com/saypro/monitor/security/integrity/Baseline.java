package com.saypro.monitor.security.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accepted state of the watched files: path to SHA-256 (or {@link #ABSENT} for a configured file that did
 * not exist), kept in a JSON file replaced atomically (temporary file, fsync, atomic rename, fsync of the folder)
 * so a crash leaves the old baseline or the new one, never half of one.
 */
record Baseline(Instant acceptedAt, Map<String, String> hashes) {

    static final String ABSENT = "absent";
    private static final ObjectMapper JSON = new ObjectMapper();

    Baseline {
        hashes = Map.copyOf(hashes);
    }

    static Optional<Baseline> load(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("files").isObject()) {
            throw new IOException("not a file-integrity state file");
        }
        Map<String, String> hashes = new TreeMap<>();
        root.path("files").fields().forEachRemaining(e -> hashes.put(e.getKey(), e.getValue().asText()));
        return Optional.of(new Baseline(Instant.ofEpochMilli(root.path("accepted_at_ms").asLong(0)), hashes));
    }

    void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("accepted_at_ms", acceptedAt.toEpochMilli());
        ObjectNode files = root.putObject("files");
        new TreeMap<>(hashes).forEach(files::put);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is atomic
        }
    }
}
