package com.saypro.monitor.security.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The addresses each account has logged in from, for one log ({@code ssh}, {@code app}; shared by every source
 * of that log), as salted SHA-256 prefixes: accounts 16 bytes, addresses 8. Bounded: {@code maxAccounts} (least
 * recently seen dropped) and {@link #MAX_SOURCES_PER_ACCOUNT} per account (oldest dropped). Persisted when a file
 * is given: loaded at start, written by {@link #flush()} only when changed, as temp file + fsync + atomic rename +
 * directory fsync (the log engine's checkpoint discipline). An unreadable file is logged and replaced: the memory
 * is a heuristic, losing it costs one "not new" per account. The salt is stored in the file, so it hides names
 * from a casual reader, not from someone with the file and a list of candidates (IPv4 is small).
 *
 * <pre>
 * {"version":1,"salt":"9f..","accounts":[{"account":"3a..","sources":["c0..","7e.."]}]}   (eldest first)
 * </pre>
 */
public final class NewSourceMemory {

    static final int MAX_SOURCES_PER_ACCOUNT = 64;
    private static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(NewSourceMemory.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final byte[] salt;
    private final Map<String, Set<String>> sourcesByAccount;
    private boolean dirty;

    private NewSourceMemory(Optional<Path> file, byte[] salt, int maxAccounts) {
        this.file = file;
        this.salt = salt;
        this.sourcesByAccount = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > maxAccounts;
            }
        };
    }

    /** Not persisted (benchmarks, tests of the analyser alone). */
    public static NewSourceMemory inMemory(int maxAccounts) {
        return new NewSourceMemory(Optional.empty(), randomSalt(), maxAccounts);
    }

    /** Loaded from {@code file} if it exists and reads; written back there by {@link #flush()}. */
    public static NewSourceMemory persistent(Path file, int maxAccounts) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || root.path("version").asInt() != VERSION || !root.path("salt").isTextual()
                    || !root.path("accounts").isArray()) {
                throw new IOException("not a version " + VERSION + " new-source file");
            }
            NewSourceMemory memory = new NewSourceMemory(Optional.of(file),
                    HexFormat.of().parseHex(root.path("salt").asText()), maxAccounts);
            for (JsonNode account : root.path("accounts")) {
                Set<String> sources = new LinkedHashSet<>();
                for (JsonNode source : account.path("sources")) {
                    if (sources.size() < MAX_SOURCES_PER_ACCOUNT) {
                        sources.add(source.asText());
                    }
                }
                memory.sourcesByAccount.put(account.path("account").asText(), sources);
            }
            return memory;
        } catch (NoSuchFileException e) {
            return new NewSourceMemory(Optional.of(file), randomSalt(), maxAccounts);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("new-source memory {} unreadable, starting empty: {}", file, e.getMessage());
            NewSourceMemory memory = new NewSourceMemory(Optional.of(file), randomSalt(), maxAccounts);
            memory.dirty = true;
            return memory;
        }
    }

    /**
     * Records a successful login; true when the account was known and the address was not (a new source). The
     * first login of an account is not new: there is nothing to compare with.
     */
    public synchronized boolean login(String user, String source) {
        String account = hash(user, 16);
        String address = hash(source, 8);
        Set<String> known = sourcesByAccount.get(account);
        if (known == null) {
            known = new LinkedHashSet<>();
            known.add(address);
            sourcesByAccount.put(account, known);
            dirty = true;
            return false;
        }
        if (!known.add(address)) {
            return false;
        }
        if (known.size() > MAX_SOURCES_PER_ACCOUNT) {
            Iterator<String> oldest = known.iterator();
            oldest.next();
            oldest.remove();
        }
        dirty = true;
        return true;
    }

    synchronized int accounts() {
        return sourcesByAccount.size();
    }

    /** Writes the file if anything changed since the last write; a failure is logged and retried next time. */
    public void flush() {
        if (file.isEmpty()) {
            return;
        }
        byte[] bytes;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            ObjectNode root = JSON.createObjectNode().put("version", VERSION).put("salt", HexFormat.of()
                    .formatHex(salt));
            ArrayNode accounts = root.putArray("accounts");
            sourcesByAccount.forEach((account, sources) -> {
                ArrayNode list = accounts.addObject().put("account", account).putArray("sources");
                sources.forEach(list::add);
            });
            bytes = root.toString().getBytes(StandardCharsets.UTF_8);
            dirty = false;
        }
        try {
            write(file.get(), bytes);
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            LOG.warn("cannot write new-source memory {}: {}", file.get(), e.toString());
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("fsync of directory {} not supported", directory, e);
        }
    }

    private String hash(String value, int bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)), 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return salt;
    }
}
