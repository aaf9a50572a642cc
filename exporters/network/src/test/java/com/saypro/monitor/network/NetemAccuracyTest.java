package com.saypro.monitor.network;

import com.saypro.monitor.network.testing.NetworkNamespace;

/** The accuracy tests over a veth pair with {@code tc netem} (skipped where the kernel has no netem). */
class NetemAccuracyTest extends AccuracyTest {
  @Override
  NetworkNamespace create() throws Exception {
    return NetworkNamespace.withNetem();
  }
}
