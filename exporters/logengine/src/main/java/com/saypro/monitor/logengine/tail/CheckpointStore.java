package com.saypro.monitor.logengine.tail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state file. Written as temp file + fsync + atomic rename + fsync of the directory, so after a crash or
 * power loss it holds either the previous or the new positions, never a torn mix.
 */
public final class CheckpointStore {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final int VERSION = 1;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public CheckpointStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /**
     * The saved positions; none if the file does not exist. An unreadable state file is moved aside (so it can be
     * inspected) and treated as empty: better to re-read than to stop tailing.
     */
    public List<FileCheckpoint> load() {
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            if (root == null || root.path("version").asInt() != VERSION || !root.path("files").isArray()) {
                throw new IOException("unexpected content (version " + root.path("version") + ")");
            }
            List<FileCheckpoint> result = new ArrayList<>();
            for (JsonNode entry : root.get("files")) {
                result.add(new FileCheckpoint(entry.get("path").asText(),
                        new FileIdentity(entry.get("dev").asLong(), entry.get("ino").asLong()),
                        entry.get("offset").asLong(),
                        new HeadFingerprint(entry.get("head_length").asInt(), entry.get("head_crc").asLong()),
                        entry.get("rotated").asBoolean()));
            }
            return result;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.warn("state file {} unreadable ({}); moved to {} and starting without checkpoints", file, e, aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside", file, moveFailed);
            }
            return List.of();
        }
    }

    public void save(List<FileCheckpoint> checkpoints) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("version", VERSION);
        ArrayNode files = root.putArray("files");
        for (FileCheckpoint checkpoint : checkpoints) {
            files.addObject()
                    .put("path", checkpoint.path())
                    .put("dev", checkpoint.identity().device())
                    .put("ino", checkpoint.identity().inode())
                    .put("offset", checkpoint.offset())
                    .put("head_length", checkpoint.head().length())
                    .put("head_crc", checkpoint.head().crc())
                    .put("rotated", checkpoint.rotated());
        }
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(directory);
    }

    /** Makes the rename itself durable; without it a power cut can bring back the old directory entry. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("fsync of directory {} not supported", directory, e);
        }
    }

    public Path file() {
        return file;
    }
}
