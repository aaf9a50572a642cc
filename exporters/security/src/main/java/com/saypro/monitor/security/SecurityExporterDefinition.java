package com.saypro.monitor.security;

import com.saypro.monitor.core.collect.CollectorSpec;
import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.core.collect.SayproCollector;
import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import com.saypro.monitor.core.exporter.Exporter;
import com.saypro.monitor.core.exporter.ExporterContext;
import com.saypro.monitor.core.exporter.ExporterDefinition;
import com.saypro.monitor.core.exporter.Route;
import com.saypro.monitor.logengine.config.LogPreset;
import com.saypro.monitor.logengine.config.LogSources;
import com.saypro.monitor.logengine.config.LogSourcesConfig;
import com.saypro.monitor.logengine.config.LogSourcesReader;
import com.saypro.monitor.logengine.config.TailingMetrics;
import com.saypro.monitor.security.certs.CertChecker;
import com.saypro.monitor.security.certs.CertificateMetrics;
import com.saypro.monitor.security.certs.CertificatesConfig;
import com.saypro.monitor.security.certs.CertificatesReader;
import com.saypro.monitor.security.integrity.AcceptHandler;
import com.saypro.monitor.security.integrity.IntegrityChecker;
import com.saypro.monitor.security.integrity.IntegrityConfig;
import com.saypro.monitor.security.integrity.IntegrityMetrics;
import com.saypro.monitor.security.logs.AppSecurityPreset;
import com.saypro.monitor.security.logs.AuthLogPreset;
import com.saypro.monitor.security.logs.BruteForceAnalyser;
import com.saypro.monitor.security.logs.BruteForceSettings;
import com.saypro.monitor.security.logs.Fail2banPreset;
import com.saypro.monitor.security.logs.NewSourceMemories;
import com.saypro.monitor.security.logs.SecurityLogMetrics;
import com.saypro.monitor.security.logs.SuricataPreset;
import com.saypro.monitor.security.vulns.ReportsReader;
import com.saypro.monitor.security.vulns.VulnerabilityMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code saypro-monitor security}: access control and intrusion signals from logs (auth log, the marketplace's
 * application log, Suricata, fail2ban; tailed by the shared log engine), certificates checked in the background,
 * vulnerability scanner reports and file integrity. Collectors: {@code logs}, {@code tailing},
 * {@code certificates}, {@code vulnerabilities}, {@code file_integrity}.
 */
public final class SecurityExporterDefinition implements ExporterDefinition {

    static final String DEFAULT_STATE_DIRECTORY = "saypro-state/security";

    static List<LogPreset> presets(BruteForceSettings bruteForce, NewSourceMemories memories) {
        return List.of(AuthLogPreset.preset(bruteForce, memories), AppSecurityPreset.preset(bruteForce, memories),
                SuricataPreset.preset(), Fail2banPreset.preset());
    }

    @Override
    public String name() {
        return "security";
    }

    @Override
    public String description() {
        return "Logins, sudo, brute force, IDS alerts, certificate expiry, vulnerability scans and file integrity";
    }

    @Override
    public int defaultPort() {
        return 9816;
    }

    @Override
    public List<CollectorSpec> collectors() {
        List<MetricDef> logMetrics = new ArrayList<>();
        logMetrics.addAll(AuthLogPreset.METRICS);
        logMetrics.addAll(AppSecurityPreset.METRICS);
        logMetrics.addAll(BruteForceAnalyser.METRICS);
        logMetrics.addAll(SuricataPreset.METRICS);
        logMetrics.addAll(Fail2banPreset.METRICS);
        return List.of(
                new CollectorSpec("logs", "Logins, sudo, brute force, IDS alerts and fail2ban bans from logs (the"
                        + " presets' metrics, listed here, and the config's own rules)", true, Duration.ZERO,
                        logMetrics),
                new CollectorSpec("tailing", "Lines read and skipped, rotations, lag and checkpoint age per log"
                        + " file", true, Duration.ZERO, TailingMetrics.METRICS),
                new CollectorSpec("certificates", "Certificate expiry, chain, host name and TLS version, checked in"
                        + " the background (cached)", true, Duration.ZERO, CertificateMetrics.METRICS),
                new CollectorSpec("vulnerabilities", "Findings of the newest scanner report per target (Trivy,"
                        + " Grype, Dependency-Check, Lynis) and its age", true, Duration.ofMinutes(5),
                        VulnerabilityMetrics.METRICS),
                new CollectorSpec("file_integrity", "Watched files changed since the accepted baseline", true,
                        Duration.ofMinutes(1), IntegrityMetrics.METRICS));
    }

    @Override
    public String defaultConfigResource() {
        return "/com/saypro/monitor/security/default-config.yml";
    }

    @Override
    public Exporter create(ConfigNode config, ExporterContext context) throws ConfigException {
        BruteForceSettings bruteForce = BruteForceSettings.read(config);
        NewSourceMemories memories = new NewSourceMemories(bruteForce.maxTrackedAccounts(), context.clock());
        LogSourcesConfig sourcesConfig = new LogSourcesReader(presets(bruteForce, memories), DEFAULT_STATE_DIRECTORY)
                .read(config, context.configDirectory());
        memories.bind(sourcesConfig.stateDirectory()); // the analysers are made when the sources are
        CertificatesConfig certificates = new CertificatesReader(context.configDirectory(), context.secretFiles())
                .read(config);
        var reports = ReportsReader.read(config, context.configDirectory());
        IntegrityConfig integrity = IntegrityConfig.read(config, context.configDirectory(), context.secretFiles());
        config.rejectUnknownKeys(); // before anything is opened

        List<AutoCloseable> resources = new ArrayList<>();
        LogSources sources = new LogSources(sourcesConfig, context.clock());
        resources.add(sources);
        resources.add(memories); // after the sources: their last lines are in
        CertChecker checker = new CertChecker(certificates, context.clock());
        resources.add(checker);
        IntegrityChecker integrityChecker = new IntegrityChecker(integrity, context.clock());

        Map<String, SayproCollector> collectors = new LinkedHashMap<>();
        if (context.enabled("logs")) {
            collectors.put("logs", new SecurityLogMetrics(sources));
        }
        if (context.enabled("tailing")) {
            collectors.put("tailing", new TailingMetrics(sources));
        }
        if (context.enabled("certificates")) {
            collectors.put("certificates", new CertificateMetrics(checker));
        }
        if (context.enabled("vulnerabilities")) {
            collectors.put("vulnerabilities", new VulnerabilityMetrics(reports));
        }
        if (context.enabled("file_integrity")) {
            collectors.put("file_integrity", new IntegrityMetrics(integrityChecker));
        }
        List<Route> routes = List.of(new Route(AcceptHandler.PATH, "POST with Authorization: Bearer TOKEN: accept"
                + " the watched files' current state as the file-integrity baseline",
                new AcceptHandler(integrityChecker, integrity.acceptToken())));
        List<String> description = new ArrayList<>(sources.describe());
        description.add("certificates: " + certificates.targets().size() + " targets, every "
                + certificates.interval());
        description.add("vulnerability reports: " + reports.size() + " targets");
        description.add("file integrity: " + integrity.patterns().size() + " files or globs, baseline in "
                + integrity.stateFile() + (integrity.acceptToken().isPresent() ? "" : " (accepting not configured)"));
        List<MetricDef> configured = sources.configuredMetrics();

        sources.start();
        if (context.enabled("certificates")) {
            checker.start();
        }
        return new SecurityExporter(collectors, configured.isEmpty() ? Map.of() : Map.of("logs", configured),
                routes, description, resources);
    }
}
