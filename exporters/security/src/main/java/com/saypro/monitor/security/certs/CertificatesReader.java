package com.saypro.monitor.security.certs;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.config.Secret;
import com.saypro.monitor.core.config.SecretFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code certificates}:
 *
 * <pre>
 * certificates:
 *   interval: 1h              # each target is checked at start and then this often
 *   retry_interval: 5m        # after a failed check
 *   concurrency: 4            # checks at once
 *   trust_store: /etc/ssl/certs/ca-certificates.crt   # PEM bundle; default: the JDK's cacerts
 *   targets:
 *     - name: shop            # the target label
 *       type: https           # https (= tls), tls, smtp, imap (STARTTLS), postgres, mysql, file, keystore
 *       address: shop.example.com:443
 *       server_name: shop.example.com   # SNI and the name matched; default: the address's host
 *       timeout: 10s
 *     - name: tomcat
 *       type: keystore
 *       path: /etc/tomcat/keystore.p12
 *       password_file: /etc/saypro/keystore-password   # or password: ${ENV}
 *       keystore_type: pkcs12  # or jks; default: by content
 *       server_name: shop.example.com   # optional for files and keystores
 * </pre>
 */
public final class CertificatesReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}");
    private static final Map<String, CertTarget.Kind> TYPES = Map.of("https", CertTarget.Kind.TLS, "tls",
            CertTarget.Kind.TLS, "smtp", CertTarget.Kind.SMTP, "imap", CertTarget.Kind.IMAP, "postgres",
            CertTarget.Kind.POSTGRES, "mysql", CertTarget.Kind.MYSQL, "file", CertTarget.Kind.FILE, "keystore",
            CertTarget.Kind.KEYSTORE);
    private static final int MAX_TARGETS = 1000;

    private final Path configDirectory;
    private final SecretFiles secrets;
    private final Map<Path, TrustStore> trustStores = new HashMap<>();
    private TrustStore jdkDefault;

    public CertificatesReader(Path configDirectory, SecretFiles secrets) {
        this.configDirectory = configDirectory;
        this.secrets = secrets;
    }

    public CertificatesConfig read(ConfigNode root) throws ConfigException {
        Optional<ConfigNode> section = root.get("certificates");
        if (section.isEmpty()) {
            return new CertificatesConfig(Duration.ofHours(1), Duration.ofMinutes(5), 4, List.of());
        }
        ConfigNode node = section.get().asMap();
        Duration interval = node.positiveDuration("interval", Duration.ofHours(1));
        Duration retry = node.positiveDuration("retry_interval", Duration.ofMinutes(5));
        int concurrency = node.integer("concurrency", 4, 1, 64);
        Optional<TrustStore> globalTrust = trust(node);
        List<CertTarget> targets = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        List<ConfigNode> items = node.has("targets") ? node.require("targets").items() : List.of();
        if (items.size() > MAX_TARGETS) {
            throw node.require("targets").error("has " + items.size() + " entries (at most " + MAX_TARGETS + ")");
        }
        for (ConfigNode item : items) {
            CertTarget target = target(item.asMap(), globalTrust);
            String earlier = names.putIfAbsent(target.name(), item.path());
            if (earlier != null) {
                throw item.require("name").invalid("is already the name of " + earlier);
            }
            targets.add(target);
        }
        return new CertificatesConfig(interval, retry, concurrency, targets);
    }

    private CertTarget target(ConfigNode node, Optional<TrustStore> globalTrust) throws ConfigException {
        ConfigNode nameNode = node.require("name");
        String name = nameNode.asString();
        if (!NAME.matcher(name).matches()) {
            throw nameNode.invalid("is not a target name (letters, digits, _ . : -; at most 63)");
        }
        ConfigNode typeNode = node.require("type");
        CertTarget.Kind kind = TYPES.get(typeNode.asString().toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw typeNode.invalid("is not a target type (https, tls, smtp, imap, postgres, mysql, file, keystore)");
        }
        Duration timeout = node.positiveDuration("timeout", Duration.ofSeconds(10));
        Optional<String> serverName = node.get("server_name").isPresent()
                ? Optional.of(node.requireString("server_name")) : Optional.empty();
        TrustStore trust = trust(node).or(() -> globalTrust).orElseGet(this::jdkDefault);
        String host = "";
        int port = 0;
        Optional<Path> path = Optional.empty();
        Optional<Secret> password = Optional.empty();
        Optional<String> keystoreType = Optional.empty();
        if (kind.network()) {
            ConfigNode address = node.require("address");
            String text = address.asString();
            int colon = text.lastIndexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw address.invalid("is not host:port");
            }
            host = text.substring(0, colon).replace("[", "").replace("]", "");
            try {
                port = Integer.parseInt(text.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw address.invalid("has no valid port (1-65535)");
            }
        } else {
            path = Optional.of(configDirectory.resolve(node.requireString("path")).normalize());
            if (kind == CertTarget.Kind.KEYSTORE) {
                password = node.secret("password", secrets);
                if (node.has("keystore_type")) {
                    ConfigNode type = node.require("keystore_type");
                    String value = type.asString().toUpperCase(Locale.ROOT);
                    if (!value.equals("JKS") && !value.equals("PKCS12")) {
                        throw type.invalid("is not a keystore type (jks, pkcs12)");
                    }
                    keystoreType = Optional.of(value);
                }
            }
        }
        return new CertTarget(name, kind, host, port, serverName, path, password, keystoreType, trust, timeout);
    }

    private Optional<TrustStore> trust(ConfigNode node) throws ConfigException {
        if (!node.has("trust_store")) {
            return Optional.empty();
        }
        ConfigNode pathNode = node.require("trust_store");
        Path file = configDirectory.resolve(pathNode.asString()).normalize();
        TrustStore cached = trustStores.get(file);
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            TrustStore store = TrustStore.pem(file);
            trustStores.put(file, store);
            return Optional.of(store);
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw pathNode.invalid("cannot be read as a PEM CA bundle (" + e.getClass().getSimpleName() + ")");
        }
    }

    private TrustStore jdkDefault() {
        if (jdkDefault == null) {
            jdkDefault = TrustStore.jdkDefault();
        }
        return jdkDefault;
    }
}
