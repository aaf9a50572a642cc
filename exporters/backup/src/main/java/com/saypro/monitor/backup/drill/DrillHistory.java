package com.saypro.monitor.backup.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drill records in {@code STATE_FOLDER/drills.json}, so a quarterly drill's result survives an
 * exporter restart (otherwise the "no drill this quarter" alert would reset with every deploy).
 * Written to a temporary file and renamed; an unreadable file starts the history afresh, with a warning.
 */
public final class DrillHistory {
  private static final Logger LOG = LoggerFactory.getLogger(DrillHistory.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long MAX_BYTES = 1024 * 1024;

  /**
   * One lock for every history in the process: during a reload the old exporter records its
   * interrupted drill while the new one may record its own, and each update re-reads the file, so
   * neither loses the other's record.
   */
  private static final Object FILE_LOCK = new Object();

  private final Path file;
  private Map<String, DrillRecord> cached;
  private Object cachedStamp;

  public DrillHistory(Path folder) {
    this.file = folder.resolve("drills.json");
  }

  /**
   * The records as the file holds them now: read again when the file changed (another instance of
   * the exporter, the one a reload replaced, may have written it).
   */
  public Map<String, DrillRecord> current() {
    synchronized (FILE_LOCK) {
      Object stamp = stamp();
      if (cached == null || !java.util.Objects.equals(stamp, cachedStamp)) {
        cached = Map.copyOf(load());
        cachedStamp = stamp;
      }
      return cached;
    }
  }

  /** Applies {@code change} to the drill's record as the file holds it now and writes the file. */
  public DrillRecord update(String drill, java.util.function.UnaryOperator<DrillRecord> change) {
    synchronized (FILE_LOCK) {
      Map<String, DrillRecord> records = new HashMap<>(load());
      DrillRecord next = change.apply(records.getOrDefault(drill, DrillRecord.NONE));
      records.put(drill, next);
      save(records);
      cached = Map.copyOf(records);
      cachedStamp = stamp();
      return next;
    }
  }

  private Object stamp() {
    try {
      java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
    } catch (IOException e) {
      return null;
    }
  }

  public synchronized Map<String, DrillRecord> load() {
    Map<String, DrillRecord> out = new HashMap<>();
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return out;
      }
      JsonNode root = MAPPER.readTree(file.toFile());
      if (root == null || !root.isObject()) {
        return out;
      }
      root.fields().forEachRemaining(e -> out.put(e.getKey(), read(e.getValue())));
    } catch (IOException | RuntimeException e) {
      LOG.warn("drill history {} cannot be read ({}); starting afresh", file, e.getClass().getSimpleName());
    }
    return out;
  }

  private static DrillRecord read(JsonNode n) {
    return new DrillRecord(number(n, "last_run"), number(n, "last_success"),
        n.hasNonNull("success") ? Optional.of(n.get("success").asBoolean()) : Optional.empty(),
        number(n, "restore_seconds"), number(n, "recovery_point_age_seconds"),
        n.path("successes").asLong(0), n.path("failures").asLong(0),
        n.hasNonNull("failure") ? known(n.get("failure").asText()) : Optional.empty(),
        n.path("message").asText(""));
  }

  /** Only known reasons become label values, whatever the file holds. */
  private static Optional<String> known(String label) {
    for (DrillFailure f : DrillFailure.values()) {
      if (f.label().equals(label)) {
        return Optional.of(label);
      }
    }
    return Optional.of(DrillFailure.ERROR.label());
  }

  private static Optional<Double> number(JsonNode n, String field) {
    return n.hasNonNull(field) && n.get(field).isNumber() ? Optional.of(n.get(field).asDouble()) : Optional.empty();
  }

  public synchronized void save(Map<String, DrillRecord> records) {
    ObjectNode root = MAPPER.createObjectNode();
    records.forEach((name, r) -> {
      ObjectNode n = root.putObject(name);
      r.lastRunSeconds().ifPresent(v -> n.put("last_run", v));
      r.lastSuccessSeconds().ifPresent(v -> n.put("last_success", v));
      r.lastSuccess().ifPresent(v -> n.put("success", v));
      r.restoreSeconds().ifPresent(v -> n.put("restore_seconds", v));
      r.recoveryPointAgeSeconds().ifPresent(v -> n.put("recovery_point_age_seconds", v));
      n.put("successes", r.successes());
      n.put("failures", r.failures());
      r.failure().ifPresent(v -> n.put("failure", v));
      n.put("message", r.message());
    });
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), "drills", ".tmp");
      Files.write(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("drill history {} cannot be written ({})", file, e.getClass().getSimpleName());
    }
  }
}
