package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicAuthenticatorTest {
  /** exporter-toolkit's decoy, made by Go's x/crypto/bcrypt from "fakepassword". */
  private static final String GO_HASH = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";

  private final SecureRandom random = new SecureRandom();
  private final BcryptCache cache = new BcryptCache(BcryptCache.DEFAULT_CAPACITY, random);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aHashMadeByGoVerifies() {
    BcryptHash hash = BcryptHash.parse(GO_HASH).orElseThrow();
    BasicAuthenticator authenticator =
        new BasicAuthenticator(new BasicAuthUsers(Map.of("prometheus", hash)), BasicAuthenticator.decoy(4, random), cache);

    assertThat(authenticator.authenticate("prometheus", bytes("fakepassword"))).isTrue();
    assertThat(authenticator.authenticate("prometheus", bytes("fakepassword!"))).isFalse();
    assertThat(authenticator.authenticate("Prometheus", bytes("fakepassword"))).isFalse();
  }

  @Test
  void anUnknownUserIsCheckedAgainstADecoyOfTheHighestConfiguredCost() {
    Map<String, BcryptHash> users = new LinkedHashMap<>();
    users.put("alice", BcryptHash.parse(HttpsClient.hash("a")).orElseThrow());
    users.put("bob", BcryptHash.parse(GO_HASH).orElseThrow());
    BasicAuthUsers configured = new BasicAuthUsers(users);
    BasicAuthenticator authenticator =
        new BasicAuthenticator(configured, BasicAuthenticator.decoy(configured.maxCost(), random), cache);

    assertThat(authenticator.decoyHash().cost()).isEqualTo(10);
    assertThat(authenticator.authenticate("mallory", bytes("a"))).isFalse();
    assertThat(cache.size()).isEqualTo(1); // the decoy verification ran and was remembered
  }

  @Test
  void cacheKeysKeepUserHashAndPasswordApart() {
    BcryptHash alice = BcryptHash.parse(HttpsClient.hash("a")).orElseThrow();
    BcryptHash shadow = BcryptHash.parse(HttpsClient.hash("p")).orElseThrow();

    assertThat(cache.key("alice" + alice.value(), shadow, bytes("p")))
        .isNotEqualTo(cache.key("alice", alice, bytes(shadow.value() + "p")));
    assertThat(cache.key("alice", alice, bytes("p"))).isEqualTo(cache.key("alice", alice, bytes("p")));
    assertThat(new BcryptCache(16, random).key("alice", alice, bytes("p")))
        .as("a per-instance key").isNotEqualTo(cache.key("alice", alice, bytes("p")));
  }

  @Test
  void theCacheIsBounded() {
    BcryptCache small = new BcryptCache(3, random);
    BcryptHash hash = BcryptHash.parse(HttpsClient.hash("a")).orElseThrow();
    for (int i = 0; i < 10; i++) {
      small.verify("alice", hash, bytes("guess" + i));
    }
    assertThat(small.size()).isEqualTo(3);
  }

  @Test
  void hashesNeverAppearInToString() {
    BcryptHash hash = BcryptHash.parse(GO_HASH).orElseThrow();
    WebConfig config = new WebConfig(java.util.Optional.empty(), HttpSettings.DEFAULT,
        new BasicAuthUsers(Map.of("alice", hash)), java.util.Optional.empty());

    assertThat(config.toString()).contains("alice").doesNotContain("QOauhQ");
    assertThat(hash.toString()).isEqualTo("<bcrypt hash, cost 10>");
  }

  @Test
  void boundedNumberOfBcryptsRunAtOnce() throws Exception {
    BcryptCache limited = new BcryptCache(BcryptCache.DEFAULT_CAPACITY, random, 2);
    BcryptHash hash = BcryptHash.parse(GO_HASH).orElseThrow(); // cost 10: slow enough to overlap
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    java.util.List<java.util.concurrent.Future<Boolean>> verdicts = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String wrong = "wrong-" + i; // distinct passwords: no cache hits
      verdicts.add(pool.submit(() -> limited.verify("bob", hash, bytes(wrong))));
    }
    for (java.util.concurrent.Future<Boolean> verdict : verdicts) {
      assertThat(verdict.get()).isFalse();
    }
    pool.shutdown();
    assertThat(limited.slots()).isEqualTo(2);
    assertThat(limited.peakConcurrentBcrypts()).isBetween(1, 2);
  }
}
