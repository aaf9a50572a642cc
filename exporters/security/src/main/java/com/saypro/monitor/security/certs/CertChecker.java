package com.saypro.monitor.security.certs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every target in the background, at start and then every {@code interval}, a few at a time; scrapes
 * read {@link #results()}, the cache, and never wait for a network round trip. A failed check is retried after
 * {@code retry_interval} (shorter) so a transient refusal does not hide a certificate for an hour.
 */
public final class CertChecker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CertChecker.class);

    private final CertificatesConfig config;
    private final Clock clock;
    private final Map<String, CertResult> results = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;

    public CertChecker(CertificatesConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cert-schedule"));
        this.workers = Executors.newFixedThreadPool(config.concurrency(),
                r -> daemon(r, "cert-check-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    public void start() {
        for (CertTarget target : config.targets()) {
            scheduler.execute(() -> submit(target));
        }
    }

    private void submit(CertTarget target) {
        if (workers.isShutdown()) {
            return;
        }
        workers.execute(() -> {
            CertResult result = check(target);
            results.put(target.name(), result);
            Duration next = result.success() ? config.interval() : config.retryInterval();
            if (!scheduler.isShutdown()) {
                scheduler.schedule(() -> submit(target), next.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** One check now, on the calling thread (also used by tests and the benchmark's serial baseline). */
    public CertResult check(CertTarget target) {
        try {
            return switch (target.kind()) {
                case FILE -> {
                    StoredCertificates.Contents contents = StoredCertificates.pem(target.path().orElseThrow());
                    yield CertVerifier.judge(clock.instant(), contents.chains(), contents.all(), target.trust(),
                            target.serverName(), Optional.empty());
                }
                case KEYSTORE -> {
                    char[] password = target.password().map(s -> s.reveal().toCharArray()).orElse(null);
                    StoredCertificates.Contents contents = StoredCertificates.keystore(target.path().orElseThrow(),
                            password, target.keystoreType().orElse(null));
                    yield CertVerifier.judge(clock.instant(), contents.chains(), contents.all(), target.trust(),
                            target.serverName(), Optional.empty());
                }
                default -> {
                    TlsConnector.Presented presented = TlsConnector.connect(target);
                    if (presented.chain().isEmpty()) {
                        throw new CheckFailure("no_certificate", "the server sent no certificate");
                    }
                    yield CertVerifier.judge(clock.instant(), List.of(presented.chain()), presented.chain(),
                            target.trust(), Optional.of(target.serverName().orElse(target.host())),
                            Optional.of(presented.protocol()));
                }
            };
        } catch (CheckFailure e) {
            LOG.debug("certificate check {} failed: {} ({})", target.name(), e.reason(), e.getMessage());
            return CertResult.failed(clock.instant(), e.reason());
        } catch (RuntimeException e) {
            LOG.warn("certificate check {} failed unexpectedly: {}", target.name(), e.getClass().getSimpleName());
            return CertResult.failed(clock.instant(), "protocol_error");
        }
    }

    /** The latest result per target name (absent until its first check finished). */
    public Map<String, CertResult> results() {
        return Map.copyOf(results);
    }

    public CertificatesConfig config() {
        return config;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
