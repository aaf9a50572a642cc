package com.saypro.monitor.marketplace.http;

import java.net.InetAddress;
import java.util.List;

/** Turns a host name into its addresses within a deadline; IP literals never reach a resolver. */
public interface HostResolver {
  /**
   * Every address of {@code host}, in the order to try them.
   *
   * @throws ProbeFailure {@code dns} when it does not resolve, {@code timeout} past the deadline
   */
  List<InetAddress> resolve(String host, Deadline deadline) throws ProbeFailure;
}
