package com.saypro.monitor.network;

import com.saypro.monitor.network.testing.NetworkNamespace;

/** The accuracy tests over two TUN devices and the userspace delaying relay. */
class TunRelayAccuracyTest extends AccuracyTest {
  @Override
  NetworkNamespace create() throws Exception {
    return NetworkNamespace.withTunRelay();
  }
}
