package com.saypro.monitor.security.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.Scrape;
import com.saypro.monitor.security.SecurityExporterDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baseline at first run, changes until accepted through the authenticated endpoint, state kept across restarts. */
class FileIntegrityTest {

    @TempDir
    Path dir;

    private ExporterTestKit start(boolean withToken) throws Exception {
        String config = """
                sources: []
                collectors: {file_integrity: {min_interval: 0s}}
                file_integrity:
                  files: [etc/nginx.conf, etc/authorized_keys, "etc/conf.d/*.conf", etc/later.conf]
                  state_file: state/file-integrity.json
                """ + (withToken ? "  accept_token_file: token\n" : "");
        return ExporterTestKit.builder(new SecurityExporterDefinition()).directory(dir).config(config).start();
    }

    private static double changed(Scrape scrape, String file, String change) {
        return scrape.find("saypro_security_file_integrity_changed", "change", change).stream()
                .filter(s -> s.labels().get("file").endsWith(file)).mapToDouble(Scrape.Sample::value).sum();
    }

    @Test
    void changesShowUntilAcceptedWithTheToken() throws Exception {
        Files.createDirectories(dir.resolve("etc/conf.d"));
        Files.writeString(dir.resolve("etc/nginx.conf"), "server { listen 80; }\n");
        Files.writeString(dir.resolve("etc/authorized_keys"), "ssh-ed25519 AAAA deploy\n");
        Files.writeString(dir.resolve("etc/conf.d/a.conf"), "a\n");
        Files.writeString(dir.resolve("token"), "integrity-token-0123456789\n");
        try (ExporterTestKit kit = start(true)) {
            Scrape scrape = kit.scrape();
            assertThat(scrape.value("saypro_security_file_integrity_changed_files")).isZero();
            assertThat(Files.exists(dir.resolve("state/file-integrity.json"))).isTrue();
            assertThat(scrape.find("saypro_security_file_integrity_changed")).hasSize(4 * 3);

            Files.writeString(dir.resolve("etc/authorized_keys"), "ssh-ed25519 AAAA deploy\nssh-rsa BBBB intruder\n");
            Files.delete(dir.resolve("etc/conf.d/a.conf"));
            Files.writeString(dir.resolve("etc/conf.d/b.conf"), "b\n");
            Files.writeString(dir.resolve("etc/later.conf"), "new\n");
            scrape = kit.scrape();
            assertThat(changed(scrape, "etc/authorized_keys", "modified")).isEqualTo(1);
            assertThat(changed(scrape, "conf.d/a.conf", "removed")).isEqualTo(1);
            assertThat(changed(scrape, "conf.d/b.conf", "added")).isEqualTo(1);
            assertThat(changed(scrape, "etc/later.conf", "added")).isEqualTo(1);
            assertThat(changed(scrape, "etc/nginx.conf", "modified")).isZero();
            assertThat(scrape.value("saypro_security_file_integrity_changed_files")).isEqualTo(4);

            assertThat(kit.post("/file-integrity/accept").statusCode()).isEqualTo(401);
            assertThat(kit.post("/file-integrity/accept", "Authorization", "Bearer wrong-token-0123456789")
                    .statusCode()).isEqualTo(401);
            assertThat(kit.get("/file-integrity/accept", "Authorization", "Bearer integrity-token-0123456789")
                    .statusCode()).isEqualTo(405);
            assertThat(kit.scrape().value("saypro_security_file_integrity_changed_files")).isEqualTo(4);

            var accepted = kit.post("/file-integrity/accept", "Authorization", "Bearer integrity-token-0123456789");
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.body()).contains("accepted 4");
            assertThat(kit.scrape().value("saypro_security_file_integrity_changed_files")).isZero();
        }
        // the accepted baseline survives a restart; a change made while down is seen
        Files.writeString(dir.resolve("etc/nginx.conf"), "server { listen 8080; }\n");
        try (ExporterTestKit kit = start(true)) {
            Scrape scrape = kit.scrape();
            assertThat(scrape.value("saypro_security_file_integrity_changed_files")).isEqualTo(1);
            assertThat(changed(scrape, "etc/nginx.conf", "modified")).isEqualTo(1);
            assertThat(scrape.text()).doesNotContain("integrity-token");
        }
    }

    @Test
    void withoutATokenAcceptingIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/nginx.conf"), "x\n");
        try (ExporterTestKit kit = start(false)) {
            kit.scrape();
            Files.writeString(dir.resolve("etc/nginx.conf"), "y\n");
            assertThat(kit.post("/file-integrity/accept", "Authorization", "Bearer anything-at-all-here")
                    .statusCode()).isEqualTo(403);
            assertThat(kit.scrape().value("saypro_security_file_integrity_changed_files")).isEqualTo(1);
        }
    }
}
