package com.saypro.monitor.core.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers bcrypt verdicts, so Prometheus scraping every 15 s does not pay a bcrypt each time.
 *
 * <p>The key is an HMAC-SHA256, under a random per-instance key, of the user, the hash and the
 * password, each prefixed by its length. The prefixes make the three fields unambiguous: with a
 * plain concatenation, user {@code alice} with password {@code <hash of bob>xyz} could hit an
 * entry made by another user (CVE-2022-46146 in exporter-toolkit). The HMAC keeps passwords out of
 * memory dumps of the cache. The cache is bounded (least recently used entries go first) and
 * survives reloads: a changed hash is a different key.
 *
 * <p>At most {@code slots} bcrypt computations run at once (half the processors, at least one),
 * as exporter-toolkit serialises them: a flood of wrong passwords at a high cost cannot take every
 * core from the scrapes, whose right passwords are answered from the cache.
 */
final class BcryptCache {
  static final int DEFAULT_CAPACITY = 4096;

  private final SecretKeySpec macKey;
  private final Map<String, Boolean> verdicts;
  private final Semaphore slots;
  private final int slotCount;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peakRunning = new AtomicInteger();

  BcryptCache(int capacity, SecureRandom random) {
    this(capacity, random, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
  }

  BcryptCache(int capacity, SecureRandom random, int slots) {
    this.slots = new Semaphore(slots, true);
    this.slotCount = slots;
    byte[] key = new byte[32];
    random.nextBytes(key);
    this.macKey = new SecretKeySpec(key, "HmacSHA256");
    this.verdicts = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Whether {@code password} matches {@code hash}, from the cache or from bcrypt. */
  boolean verify(String user, BcryptHash hash, byte[] password) {
    String key = key(user, hash, password);
    Boolean known;
    synchronized (verdicts) {
      known = verdicts.get(key);
    }
    if (known != null) {
      return known;
    }
    // outside the lock: bcrypt takes milliseconds, other users must not wait for it
    boolean verified;
    slots.acquireUninterruptibly();
    try {
      peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      verified = BCrypt.verifyer(hash.version(), LongPasswordStrategies.truncate(hash.version()))
          .verify(password, hash.bytes())
          .verified;
    } finally {
      running.decrementAndGet();
      slots.release();
    }
    synchronized (verdicts) {
      verdicts.put(key, verified);
    }
    return verified;
  }

  int slots() {
    return slotCount;
  }

  /** The most bcrypt computations that ever ran at once. */
  int peakConcurrentBcrypts() {
    return peakRunning.get();
  }

  int size() {
    synchronized (verdicts) {
      return verdicts.size();
    }
  }

  String key(String user, BcryptHash hash, byte[] password) {
    byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
    byte[] hashBytes = hash.bytes();
    ByteBuffer input = ByteBuffer.allocate(12 + userBytes.length + hashBytes.length + password.length);
    input.putInt(userBytes.length).put(userBytes);
    input.putInt(hashBytes.length).put(hashBytes);
    input.putInt(password.length).put(password);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(macKey);
      return Base64.getEncoder().encodeToString(mac.doFinal(input.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }
}
