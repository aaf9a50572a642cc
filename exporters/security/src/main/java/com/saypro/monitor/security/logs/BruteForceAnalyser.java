package com.saypro.monitor.security.logs;

import com.saypro.monitor.core.collect.MetricDef;
import com.saypro.monitor.logengine.parse.Fields;
import com.saypro.monitor.logengine.rules.LineAnalyser;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Brute-force signals of one log ({@code log="ssh"} or {@code "app"}): failed logins per client address over a
 * sliding window (placed by the line's own timestamp when it has one, else by the clock, so a backlog read at
 * start-up does not land in the current window; lines older than the window are not counted there), and
 * successful logins from an address never seen before for that account. Addresses appear as label values only
 * among the top N (the rest summed as {@code other}); user names never do: accounts and addresses are remembered
 * as salted SHA-256 prefixes ({@link NewSourceMemory}), kept in the state folder across restarts. The first login
 * seen for an account is not "from a new source": there is nothing to compare.
 *
 * <pre>
 * saypro_security_bruteforce_sources{log="ssh"} 2
 * saypro_security_bruteforce_top_source_failures{log="ssh",source="203.0.113.9"} 57
 * saypro_security_bruteforce_top_source_failures{log="ssh",source="other"} 3
 * saypro_security_new_source_logins_total{log="ssh",role="root"} 1
 * </pre>
 */
public final class BruteForceAnalyser implements LineAnalyser {

    public static final MetricDef SOURCES = MetricDef.gauge("saypro_security_bruteforce_sources",
            "Client addresses with at least the threshold of failed logins within the sliding window.", "log");
    public static final MetricDef TOP_SOURCES = MetricDef.gauge("saypro_security_bruteforce_top_source_failures",
            "Failed logins within the window of the top N client addresses; the rest summed as source=\"other\".",
            "log", "source");
    public static final MetricDef NEW_SOURCE_LOGINS = MetricDef.counter("saypro_security_new_source_logins_total",
            "Successful logins from an address never seen before for that account (after the account's first"
                    + " seen login).", "log", "role");

    public static final List<MetricDef> METRICS = List.of(SOURCES, TOP_SOURCES, NEW_SOURCE_LOGINS);

    private final String log;
    private final String sourceField;
    private final BruteForceSettings settings;
    private final Clock clock;
    private final LineTime lineTime;
    private final Predicate<Fields> failure;
    private final Predicate<Fields> success;
    private final Function<Fields, String> role;
    private final SlidingCounts failures;
    private final NewSourceMemories memories;
    private final NewSourceMemory memory;
    private final Map<String, Double> newSourceLogins = new TreeMap<>();

    /**
     * @param sourceField the field holding the client address
     * @param lineTime    when a line happened ({@link LineTime#NONE}: now)
     * @param memories    where the addresses each account logged in from are kept (per log, persisted)
     * @param failure     which lines are failed logins (their address is counted)
     * @param success     which lines are successful logins (their {@code user} and {@code source})
     * @param role        the bounded role label of a successful login
     */
    public BruteForceAnalyser(String log, String sourceField, BruteForceSettings settings, Clock clock,
            LineTime lineTime, NewSourceMemories memories, Predicate<Fields> failure, Predicate<Fields> success,
            Function<Fields, String> role) {
        this.log = log;
        this.sourceField = sourceField;
        this.settings = settings;
        this.clock = clock;
        this.lineTime = lineTime;
        this.failure = failure;
        this.success = success;
        this.role = role;
        this.failures = new SlidingCounts(settings.window().toMillis(), settings.maxTrackedSources());
        this.memories = memories;
        this.memory = memories.memory(log);
    }

    @Override
    public void accept(Fields fields) {
        String source = fields.get(sourceField);
        if (source == null || source.isEmpty() || source.equals("-")) {
            return;
        }
        if (failure.test(fields)) {
            long now = clock.millis();
            long at = lineTime.millis(fields, now);
            synchronized (this) {
                failures.add(source, at == LineTime.NONE ? now : at, now);
            }
        } else if (success.test(fields)) {
            String user = fields.get("user");
            if (user == null || user.isEmpty() || user.equals("-")) {
                return;
            }
            if (memory.login(user, source)) {
                String label = role.apply(fields);
                synchronized (this) {
                    newSourceLogins.merge(label, 1.0, Double::sum);
                }
            }
        }
    }

    @Override
    public List<MetricSnapshot> collect() {
        Map<String, Long> counts;
        Map<String, Double> logins;
        memories.maybeFlush();
        synchronized (this) {
            counts = failures.counts(clock.millis());
            logins = Map.copyOf(newSourceLogins);
        }
        long above = counts.entrySet().stream()
                .filter(e -> !e.getKey().equals(SlidingCounts.OTHER) && e.getValue() >= settings.threshold()).count();
        MetricDef.Points top = TOP_SOURCES.points();
        for (Map.Entry<String, Long> e : SlidingCounts.top(counts, settings.topSources())) {
            top.add(e.getValue(), log, e.getKey());
        }
        MetricDef.Points newSources = NEW_SOURCE_LOGINS.points();
        new TreeMap<>(logins).forEach((r, v) -> newSources.add(v, log, r));
        return List.of(SOURCES.points().add(above, log).build(), top.build(), newSources.build());
    }
}
