package com.saypro.monitor.network.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port that never answers a SYN: a listener that never accepts, its accept queue filled
 * up, so the kernel drops new SYNs (with the default {@code tcp_abort_on_overflow=0}) and a connect
 * times out, as it would against a firewalled or dead host. This machine's gateway accepts
 * connections to every outside address, so unrouted test addresses cannot be used for this.
 */
public final class Blackhole implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> fillers = new ArrayList<>();

  public Blackhole() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    for (int i = 0; i < 8; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 200);
        fillers.add(socket);
      } catch (SocketTimeoutException e) {
        socket.close();
        return;
      }
    }
    throw new IllegalStateException("the accept queue never filled up: tcp_abort_on_overflow may be set");
  }

  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket socket : fillers) {
      socket.close();
    }
    server.close();
  }
}
