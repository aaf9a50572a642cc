package com.saypro.monitor.logengine.rules;

import com.saypro.monitor.logengine.parse.Fields;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * A stateful consumer of a source's parsed lines, for metrics a counting rule cannot make: sliding windows
 * (failures per client address in the last ten minutes), first-seen sets (a login from an address never seen
 * for that account). It sees every parsed line after the derivations, on the polling thread; {@link #collect()}
 * runs on scrape threads at the same time, so implementations synchronise their own state. Like the rules, an
 * analyser must keep its label values bounded.
 */
public interface LineAnalyser {

    /** One parsed line (with derived fields). Must not throw for odd values: a throw is counted as sink_error. */
    void accept(Fields fields);

    /** Fresh immutable snapshots of the analyser's metrics (names as client_java expects: no {@code _total}). */
    List<MetricSnapshot> collect();
}
