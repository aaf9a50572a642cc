package com.saypro.monitor.network.latency;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this process may send ICMP echo. The JDK's {@code InetAddress.isReachable} sends ICMP
 * only when it can open a raw socket (root or {@code CAP_NET_RAW}); otherwise it silently tries a
 * TCP connection to port 7 instead, and counts a refused connection as "reachable". So ICMP targets
 * are accepted only when the capability is there.
 */
public final class RawSockets {
  private static final int CAP_NET_RAW = 13;

  private RawSockets() {}

  public static boolean allowed() {
    return allowed(Path.of("/proc/self/status"));
  }

  static boolean allowed(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("CapEff:")) {
          return new BigInteger(line.substring("CapEff:".length()).trim(), 16).testBit(CAP_NET_RAW);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return false;
    }
    return false;
  }
}
