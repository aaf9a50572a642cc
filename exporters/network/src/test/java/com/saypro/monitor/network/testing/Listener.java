package com.saypro.monitor.network.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP listener on a loopback address that counts accepted connections; in HTTP mode it answers
 * every request with the given status.
 */
public final class Listener implements AutoCloseable {
  private final ServerSocket server;
  private final AtomicInteger accepted = new AtomicInteger();
  private final int httpStatus;

  public Listener(String address, int port) throws IOException {
    this(address, port, 0);
  }

  /** {@code httpStatus} 0 for a plain TCP listener. */
  public Listener(String address, int port, int httpStatus) throws IOException {
    this.server = new ServerSocket(port, 200, InetAddress.getByName(address));
    this.httpStatus = httpStatus;
    Thread thread = new Thread(this::serve, "test-listener-" + address);
    thread.setDaemon(true);
    thread.start();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        if (httpStatus == 0) {
          socket.close();
        } else {
          Thread worker = new Thread(() -> answer(socket), "test-http");
          worker.setDaemon(true);
          worker.start();
        }
      } catch (IOException e) {
        // closed
      }
    }
  }

  private void answer(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      int state = 0;
      int c;
      while (state < 4 && (c = in.read()) >= 0) {
        state = (c == '\r' && state % 2 == 0) || (c == '\n' && state % 2 == 1) ? state + 1 : 0;
      }
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 " + httpStatus + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      // client went away
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  public int accepted() {
    return accepted.get();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
