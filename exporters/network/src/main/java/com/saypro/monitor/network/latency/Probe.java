package com.saypro.monitor.network.latency;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.io.IOException;
import java.time.Duration;

/** One probe of one address: the round-trip time in seconds, or why there was none. */
@FunctionalInterface
public interface Probe {
  Outcome send(InetAddress address, Duration timeout);

  /** A probe's result: {@code rttSeconds} when {@code failure} is null. */
  record Outcome(double rttSeconds, FailureReason failure) {
    static Outcome answered(long nanos) {
      return new Outcome(nanos / 1e9, null);
    }

    static Outcome failed(FailureReason reason) {
      return new Outcome(Double.NaN, reason);
    }
  }

  /**
   * A TCP connect: the time from sending SYN to the handshake completing, which is one network
   * round trip plus the peer kernel's turnaround, independent of the application. The socket is
   * closed with a reset (linger 0), so probes leave no TIME_WAIT behind on either side.
   */
  static Probe tcp(int port) {
    return (address, timeout) -> {
      try (Socket socket = new Socket()) {
        socket.setSoLinger(true, 0);
        socket.setTcpNoDelay(true);
        InetSocketAddress to = new InetSocketAddress(address, port);
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        long start = System.nanoTime();
        socket.connect(to, millis);
        return Outcome.answered(System.nanoTime() - start);
      } catch (SocketTimeoutException e) {
        return Outcome.failed(FailureReason.TIMEOUT);
      } catch (NoRouteToHostException e) {
        return Outcome.failed(FailureReason.UNREACHABLE);
      } catch (ConnectException e) {
        String message = String.valueOf(e.getMessage());
        return Outcome.failed(message.contains("refused") ? FailureReason.REFUSED
            : message.contains("timed out") ? FailureReason.TIMEOUT : FailureReason.UNREACHABLE);
      } catch (IOException e) {
        return Outcome.failed(FailureReason.ERROR);
      }
    };
  }

  /**
   * An ICMP echo through {@code InetAddress.isReachable}; only configured when the process may
   * open raw sockets (see {@link RawSockets}), so it is a real echo and not the JDK's TCP fallback.
   */
  static Probe icmp() {
    return (address, timeout) -> {
      try {
        long start = System.nanoTime();
        boolean reached = address.isReachable((int) Math.max(1, timeout.toMillis()));
        long took = System.nanoTime() - start;
        return reached ? Outcome.answered(took) : Outcome.failed(FailureReason.TIMEOUT);
      } catch (IOException e) {
        return Outcome.failed(FailureReason.ERROR);
      }
    };
  }
}
