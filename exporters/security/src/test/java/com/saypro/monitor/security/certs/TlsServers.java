package com.saypro.monitor.security.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Real TLS listeners on 127.0.0.1 for the tests: plain TLS (as HTTPS), and tiny SMTP and IMAP servers that
 * speak the protocol up to STARTTLS and then shake hands with the JDK's TLS.
 */
final class TlsServers {

    enum Protocol { TLS, SMTP, IMAP }

    /** One listener; {@link #close()} stops it. */
    static final class Server implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        Server(ServerSocket socket, Thread thread) {
            this.socket = socket;
            this.thread = thread;
        }

        int port() {
            return socket.getLocalPort();
        }

        String address() {
            return "127.0.0.1:" + port();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }

    private TlsServers() {
    }

    static Server start(Protocol protocol, TestPki.Issued identity) throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore store = TestPki.keyStore("PKCS12", identity, password);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(5000);
                    serve(protocol, client, context);
                } catch (IOException e) {
                    // the client went away, or the server was closed
                }
            }
        }, "test-tls-" + protocol);
        thread.setDaemon(true);
        thread.start();
        return new Server(server, thread);
    }

    private static void serve(Protocol protocol, Socket client, SSLContext context) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        if (protocol == Protocol.SMTP) {
            write(out, "220 mail.test ESMTP ready\r\n");
            readLine(in); // EHLO
            write(out, "250-mail.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n");
            readLine(in); // STARTTLS
            write(out, "220 2.0.0 Ready to start TLS\r\n");
        } else if (protocol == Protocol.IMAP) {
            write(out, "* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n");
            String command = readLine(in);
            String tag = command.split(" ")[0];
            write(out, tag + " OK Begin TLS negotiation now\r\n");
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(client, null, client.getPort(), false);
        tls.setUseClientMode(false);
        tls.startHandshake();
        tls.close();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            line.append((char) b);
        }
        return line.toString().strip();
    }
}
