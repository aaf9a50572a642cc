package com.saypro.monitor.network.latency;

import com.saypro.monitor.network.config.TargetConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses one target may be probed on. The first successful resolution pins them for the
 * life of the config: a later answer that names a new address (DNS rebinding, a hijacked record, a
 * test server that changes its mind) never gets a probe, and is counted as refused. An IP literal
 * in the config is pinned from the start. A reload resolves and pins again.
 *
 * <p>Each probe run uses the addresses of one resolution only; nothing is resolved twice between
 * the check and the connection.
 */
public final class PinnedAddresses {
  private final TargetConfig target;
  private final HostLookup lookup;
  private Set<InetAddress> pinned;

  public PinnedAddresses(TargetConfig target, HostLookup lookup) {
    this.target = target;
    this.lookup = lookup;
    this.pinned = target.literal().map(a -> Set.of(a)).orElse(null);
  }

  /** What the current resolution allows, and how many of its addresses were refused. */
  public record Resolution(List<InetAddress> addresses, int refused, String error) {}

  public Resolution resolve(Duration timeout) {
    if (target.literal().isPresent()) {
      return new Resolution(List.of(target.literal().get()), 0, null);
    }
    List<InetAddress> answer;
    try {
      answer = lookup.lookup(target.host(), timeout);
    } catch (IOException e) {
      return new Resolution(List.of(), 0, "resolve");
    }
    List<InetAddress> allowed = new ArrayList<>();
    int refused = 0;
    synchronized (this) {
      Set<InetAddress> acceptable = new LinkedHashSet<>();
      for (InetAddress address : answer) {
        if (AddressPolicy.acceptable(address, target.allowLinkLocal())) {
          acceptable.add(address);
        } else {
          refused++;
        }
      }
      if (pinned == null && !acceptable.isEmpty()) {
        pinned = Set.copyOf(target.allAddresses() ? acceptable : List.of(acceptable.iterator().next()));
      }
      for (InetAddress address : acceptable) {
        if (pinned != null && pinned.contains(address)) {
          allowed.add(address);
        } else {
          refused++;
        }
      }
    }
    if (!target.allAddresses() && allowed.size() > 1) {
      allowed = List.of(allowed.get(0));
    }
    return new Resolution(List.copyOf(allowed), refused, answer.isEmpty() ? "resolve" : null);
  }

  /** The pinned set, for the landing page and tests. */
  public synchronized Set<InetAddress> pinned() {
    return pinned == null ? Set.of() : pinned;
  }
}
