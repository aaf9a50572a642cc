package com.saypro.monitor.network.latency;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One probe of one address: the round-trip time in nanoseconds, or why there was none, encoded in
 * one {@code long} ({@link #failure(long)}) so a probe allocates nothing of its own.
 */
@FunctionalInterface
public interface Probe {
  /** The round-trip time in nanoseconds (0 or more), or a failure from {@link #failed(FailureReason)}. */
  long send(Target target, int timeoutMillis);

  /** An address to probe, with the socket address built once per burst rather than per probe. */
  record Target(InetAddress address, InetSocketAddress socketAddress) {
    static Target of(InetAddress address, int port) {
      return new Target(address, new InetSocketAddress(address, port));
    }
  }

  static long failed(FailureReason reason) {
    return -1L - reason.ordinal();
  }

  /** The failure of a {@link #send} result, or null when the probe was answered. */
  static FailureReason failure(long result) {
    return result >= 0 ? null : FailureReason.values()[(int) (-1L - result)];
  }

  /**
   * A TCP connect: the time from sending SYN to the handshake completing, which is one network
   * round trip plus the peer kernel's turnaround, independent of the application. The socket is
   * closed with a reset (linger 0), so probes leave no TIME_WAIT behind on either side. No data is
   * sent, so no other socket option is set (each is a system call per probe).
   */
  static Probe tcp() {
    return (target, timeoutMillis) -> {
      try (Socket socket = new Socket()) {
        socket.setSoLinger(true, 0);
        long start = System.nanoTime();
        socket.connect(target.socketAddress(), timeoutMillis);
        return System.nanoTime() - start;
      } catch (SocketTimeoutException e) {
        return failed(FailureReason.TIMEOUT);
      } catch (NoRouteToHostException e) {
        return failed(FailureReason.UNREACHABLE);
      } catch (ConnectException e) {
        String message = String.valueOf(e.getMessage());
        return failed(message.contains("refused") ? FailureReason.REFUSED
            : message.contains("timed out") ? FailureReason.TIMEOUT : FailureReason.UNREACHABLE);
      } catch (IOException e) {
        return failed(FailureReason.ERROR);
      }
    };
  }

  /**
   * An ICMP echo through {@code InetAddress.isReachable}; only configured when the process may
   * open raw sockets (see {@link RawSockets}), so it is a real echo and not the JDK's TCP fallback.
   */
  static Probe icmp() {
    return (target, timeoutMillis) -> {
      try {
        long start = System.nanoTime();
        boolean reached = target.address().isReachable(timeoutMillis);
        long took = System.nanoTime() - start;
        return reached ? took : failed(FailureReason.TIMEOUT);
      } catch (IOException e) {
        return failed(FailureReason.ERROR);
      }
    };
  }
}
