package com.saypro.monitor.marketplace.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A TCP server on 127.0.0.1 that speaks HTTP byte by byte as the test wants: garbage, closing at
 * once, never answering, dripping one byte at a time, or chunked bodies (Jetty chooses its own
 * framing, and closes instead of chunking when the client sends {@code Connection: close}). Each connection gets its own thread; {@link #close()}
 * ends them all.
 */
public final class RawServer implements AutoCloseable {
  /** What it does with each connection after reading the request. */
  public enum Mode {
    GARBAGE,
    CLOSE,
    SILENT,
    DRIP,
    /** a well-formed chunked body, {@code hello world}, with a chunk extension and a trailer */
    CHUNKED,
    /** 64 KiB chunks without end */
    CHUNKED_FOREVER
  }

  private final ServerSocket socket;
  private final Mode mode;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;

  public RawServer(Mode mode) throws IOException {
    this.mode = mode;
    this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    this.acceptor = new Thread(this::accept, "raw-server-" + mode);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + socket.getLocalPort() + path;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        open.add(connection);
        Thread thread = new Thread(() -> serve(connection), "raw-connection");
        thread.setDaemon(true);
        thread.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      InputStream in = connection.getInputStream();
      readRequestHead(in);
      OutputStream out = connection.getOutputStream();
      switch (mode) {
        case GARBAGE -> out.write("SSH-2.0-OpenSSH_9.2 not what you asked for\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        case CLOSE -> { }
        case SILENT -> closed.await();
        case DRIP -> {
          byte[] response = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.UTF_8);
          out.write(response);
          out.flush();
          while (closed.getCount() > 0) {
            out.write('x');
            out.flush();
            Thread.sleep(100);
          }
        }
        case CHUNKED -> out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: done\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        case CHUNKED_FOREVER -> {
          out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.UTF_8));
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'x');
          while (closed.getCount() > 0) {
            out.write("10000\r\n".getBytes(StandardCharsets.UTF_8));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the prober hung up, as it should
    }
  }

  private static void readRequestHead(InputStream in) throws IOException {
    int state = 0;
    int b;
    while ((b = in.read()) >= 0) {
      state = (b == '\n') ? state + 1 : (b == '\r' ? state : 0);
      if (state == 2) {
        return;
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed.countDown();
    socket.close();
    for (Socket connection : open) {
      connection.close();
    }
  }
}
