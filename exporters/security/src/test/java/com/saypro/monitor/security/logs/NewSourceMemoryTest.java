package com.saypro.monitor.security.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.Await;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.MutableClock;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.security.SecurityExporterDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The addresses accounts logged in from survive a restart, hashed and bounded, in the state folder. */
class NewSourceMemoryTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T02:00:00Z"));

    private ExporterTestKit start() throws Exception {
        return ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir).clock(clock)
                .config(SecurityLogsTest.CONFIG).start();
    }

    private void accepted(String user, String address) throws Exception {
        Files.writeString(dir.resolve("auth.log"), "Nov 24 01:59:00 web1 sshd[812]: Accepted publickey for " + user
                + " from " + address + " port 4711 ssh2: ED25519 SHA256:x\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static Scrape awaitLogins(ExporterTestKit kit, int successes) {
        Scrape[] last = new Scrape[1];
        Await.until(successes + " ssh logins read", Duration.ofSeconds(10), () -> {
            last[0] = kit.scrape();
            return last[0].maybe("saypro_security_ssh_logins_total", "outcome", "success", "method", "publickey",
                    "reason", "ok").orElse(-1) == successes;
        });
        return last[0];
    }

    private static double newSources(Scrape scrape) {
        return scrape.maybe("saypro_security_new_source_logins_total", "log", "ssh", "role", "user").orElse(0);
    }

    @Test
    void aRestartDoesNotReportAKnownSourceAsNew() throws Exception {
        try (ExporterTestKit kit = start()) {
            accepted("deploy", "10.0.0.5");
            accepted("deploy", "10.0.0.6");
            assertThat(newSources(awaitLogins(kit, 2))).isEqualTo(1);
        }
        Path file = dir.resolve("saypro-state/security/new-sources-ssh.json");
        assertThat(file).exists();
        assertThat(Files.readString(file)).doesNotContain("deploy").doesNotContain("10.0.0");

        try (ExporterTestKit kit = start()) {
            accepted("deploy", "10.0.0.5"); // without the memory: the account's first login, not new ...
            accepted("deploy", "10.0.0.6"); // ... and this one new
            assertThat(newSources(awaitLogins(kit, 2))).as("both addresses are known from before").isZero();
            accepted("deploy", "10.0.0.7");
            Scrape scrape = awaitLogins(kit, 3);
            assertThat(newSources(scrape)).isEqualTo(1);
        }
    }

    @Test
    void anUnreadableFileStartsEmptyAndIsReplaced() throws Exception {
        Path file = dir.resolve("saypro-state/security/new-sources-ssh.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\":1,\"salt\":\"zz");
        try (ExporterTestKit kit = start()) {
            accepted("deploy", "10.0.0.5");
            accepted("deploy", "10.0.0.6");
            assertThat(newSources(awaitLogins(kit, 2))).isEqualTo(1);
        }
        assertThat(Files.readString(file)).startsWith("{\"version\":1,\"salt\":\"").contains("\"accounts\":[{");
        assertThat(NewSourceMemory.persistent(file, 10).accounts()).isEqualTo(1);
    }

    @Test
    void boundedInAccountsAndAddressesAndWrittenOnlyWhenChanged() throws Exception {
        Path file = dir.resolve("memory.json");
        NewSourceMemory memory = NewSourceMemory.persistent(file, 10);
        for (int i = 0; i < 15; i++) {
            memory.login("user" + i, "10.0.0.1");
        }
        for (int i = 0; i < 100; i++) {
            memory.login("user14", "192.0.2." + i);
        }
        memory.flush();
        NewSourceMemory loaded = NewSourceMemory.persistent(file, 10);
        assertThat(loaded.accounts()).isEqualTo(10);
        assertThat(loaded.login("user0", "10.0.0.1")).as("the eldest accounts were dropped: user0 is first seen")
                .isFalse();
        assertThat(loaded.login("user0", "10.0.0.2")).isTrue();
        assertThat(loaded.login("user14", "192.0.2.99")).isFalse();
        assertThat(loaded.login("user14", "192.0.2.0")).as("only the newest 64 addresses kept").isTrue();
        assertThat(loaded.login("user5", "10.0.0.1")).as("known account and address").isFalse();
        assertThat(Files.readString(file).split("\"sources\"")).hasSize(11);

        Files.delete(file);
        NewSourceMemory fresh = NewSourceMemory.persistent(file, 10);
        fresh.flush();
        assertThat(file).as("nothing changed: nothing written").doesNotExist();
    }
}
