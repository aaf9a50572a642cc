package com.saypro.monitor.core.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.testkit.ExporterTestKit;
import com.saypro.monitor.core.testkit.TestCollectors;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad web config stops start-up with one exact line naming file, line, path and what is allowed.
 * The exact messages also prove that no hash or key content is printed.
 */
class WebConfigErrorsTest {
  private static final String HASH = HttpsClient.hash("secret");

  @TempDir static Path dir;

  @BeforeAll
  static void certificates() {
    TestPki.Issued ca = TestPki.ca("test-ca");
    TestPki.writeServer(dir, TestPki.server(ca));
    TestPki.write(dir.resolve("other.key"), TestPki.pkcs8(TestPki.ec().getPrivate()));
    TestPki.write(dir.resolve("ca.crt"), TestPki.pem(ca.certificate()));
  }

  static Stream<Arguments> badConfigs() {
    String tls = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
    return Stream.of(
        Arguments.of("unknown key", tls + "  min_versoin: TLS12\n",
            "web-config.yml:4: tls_server_config.min_versoin: unknown key (allowed: cert, cert_file, key, key_file,"
                + " client_ca, client_ca_file, client_auth_type, min_version, max_version, cipher_suites,"
                + " curve_preferences, prefer_server_cipher_suites, client_allowed_sans)"),
        Arguments.of("unknown top-level key", "basic_auth_user:\n  alice: x\n",
            "web-config.yml:2: basic_auth_user: unknown key (allowed: tls_server_config, http_server_config,"
                + " basic_auth_users, rate_limit)"),
        Arguments.of("bad min_version", tls + "  min_version: TLS9\n",
            "web-config.yml:4: tls_server_config.min_version: \"TLS9\" is not one of TLS10, TLS11, TLS12, TLS13"),
        Arguments.of("min_version above max_version", tls + "  min_version: TLS13\n  max_version: TLS12\n",
            "web-config.yml:4: tls_server_config.min_version: \"TLS13\" is above max_version TLS12"),
        Arguments.of("max_version below the default min_version", tls + "  max_version: TLS11\n",
            "web-config.yml:4: tls_server_config.max_version: \"TLS11\" is below the default min_version TLS12"),
        Arguments.of("bad client_auth_type", tls + "  client_auth_type: RequireCert\n",
            "web-config.yml:4: tls_server_config.client_auth_type: \"RequireCert\" is not one of NoClientCert,"
                + " RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert"),
        Arguments.of("missing cert file", "tls_server_config:\n  cert_file: missing.crt\n  key_file: server.key\n",
            "web-config.yml:2: tls_server_config.cert_file: \"missing.crt\" does not exist (looked for "
                + dir.toAbsolutePath().resolve("missing.crt") + ")"),
        Arguments.of("key not matching cert", "tls_server_config:\n  cert_file: server.crt\n  key_file: other.key\n",
            "web-config.yml:3: tls_server_config.key_file: \"other.key\" holds a private key that does not match"
                + " the certificate in \"server.crt\""),
        Arguments.of("cert without key", "tls_server_config:\n  cert_file: server.crt\n",
            "web-config.yml:2: tls_server_config: missing key_file (or key): TLS needs the private key of the certificate"),
        Arguments.of("key file that holds a certificate", "tls_server_config:\n  cert_file: server.crt\n  key_file: server.crt\n",
            "web-config.yml:3: tls_server_config.key_file: \"server.crt\" holds no PEM private key (expected PRIVATE KEY,"
                + " RSA PRIVATE KEY or EC PRIVATE KEY)"),
        Arguments.of("verification without client_ca_file", tls + "  client_auth_type: RequireAndVerifyClientCert\n",
            "web-config.yml:4: tls_server_config.client_auth_type: \"RequireAndVerifyClientCert\" verifies client"
                + " certificates and needs client_ca_file (or client_ca)"),
        Arguments.of("client CA without client auth", tls + "  client_ca_file: ca.crt\n",
            "web-config.yml:2: tls_server_config: client_ca_file is set but client_auth_type is NoClientCert"
                + " (set client_auth_type, e.g. RequireAndVerifyClientCert)"),
        Arguments.of("allowed SANs without a required certificate",
            tls + "  client_auth_type: VerifyClientCertIfGiven\n  client_ca_file: ca.crt\n  client_allowed_sans: [a]\n",
            "web-config.yml:6: tls_server_config.client_allowed_sans: needs client_auth_type RequireAnyClientCert"
                + " or RequireAndVerifyClientCert"),
        Arguments.of("unknown cipher suite", tls + "  cipher_suites: [TLS_FAST_AND_LOOSE]\n",
            "web-config.yml:4: tls_server_config.cipher_suites[0]: \"TLS_FAST_AND_LOOSE\" is not a cipher suite this"
                + " Java runtime supports (use IANA names such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)"),
        Arguments.of("unknown curve", tls + "  curve_preferences: [CurveP256, P-999]\n",
            "web-config.yml:4: tls_server_config.curve_preferences[1]: \"P-999\" is not one of CurveP256, CurveP384,"
                + " CurveP521, X25519"),
        Arguments.of("non-bcrypt hash", "basic_auth_users:\n  alice: notahash-5f4dcc3b5aa765d61d8327deb882cf99\n",
            "web-config.yml:2: basic_auth_users.alice: " + BcryptHash.EXPECTED),
        Arguments.of("bcrypt hash with a cost out of range",
            "basic_auth_users:\n  alice: '" + HASH.replace("$04$", "$99$") + "'\n",
            "web-config.yml:2: basic_auth_users.alice: " + BcryptHash.EXPECTED),
        Arguments.of("user name with a colon", "basic_auth_users:\n  'al:ice': '" + HASH + "'\n",
            "web-config.yml:2: basic_auth_users.al:ice: a user name cannot contain ':' (HTTP basic auth splits user"
                + " and password at the first ':')"),
        Arguments.of("disallowed header name", "http_server_config:\n  headers:\n    Server: saypro\n",
            "web-config.yml:3: http_server_config.headers.Server: this header cannot be configured (allowed:"
                + " Content-Security-Policy, Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options,"
                + " X-XSS-Protection)"),
        Arguments.of("disallowed header value", "http_server_config:\n  headers:\n    X-Frame-Options: allow\n",
            "web-config.yml:3: http_server_config.headers.X-Frame-Options: \"allow\" is not one of deny, sameorigin"),
        Arguments.of("http2 not a boolean", "http_server_config:\n  http2: maybe\n",
            "web-config.yml:2: http_server_config.http2: \"maybe\" is not a boolean (use true or false)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void badWebConfigStopsStartUpWithOneClearLine(String name, String yaml, String message) {
    assertThatThrownBy(() -> start(yaml)).isInstanceOf(ConfigException.class).hasMessage(message);
  }

  private static void start(String yaml) throws ConfigException {
    try (ExporterTestKit kit = ExporterTestKit.builder(new TestCollectors()).directory(dir).webConfig(yaml).start()) {
      throw new AssertionError("started with a bad web config on port " + kit.port());
    }
  }
}
