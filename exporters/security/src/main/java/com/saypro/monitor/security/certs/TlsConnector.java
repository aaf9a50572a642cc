package com.saypro.monitor.security.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Connects to a network target, speaks its protocol up to the TLS handshake (nothing for TLS, STARTTLS for SMTP
 * and IMAP, PostgreSQL's SSLRequest, MySQL's SSL request packet), shakes hands accepting any certificate (the
 * point is to see it: an expired or self-signed one must show as such, not as a failed connection) and returns
 * the chain the server sent and the negotiated protocol. Judging the chain is {@link CertVerifier}'s job.
 */
final class TlsConnector {

    /** What the server presented. */
    record Presented(List<X509Certificate> chain, String protocol) {
    }

    private static final TrustManager ACCEPT_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private TlsConnector() {
    }

    static Presented connect(CertTarget target) throws CheckFailure {
        int timeout = (int) Math.max(1, target.timeout().toMillis());
        try (Socket raw = new Socket()) {
            try {
                raw.connect(new InetSocketAddress(target.host(), target.port()), timeout);
            } catch (SocketTimeoutException e) {
                throw new CheckFailure("timeout", "connect timed out");
            } catch (IOException e) {
                throw new CheckFailure("connect_failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            raw.setSoTimeout(timeout);
            try {
                StartTls.prepare(target.kind(), raw.getInputStream(), raw.getOutputStream());
            } catch (SocketTimeoutException e) {
                throw new CheckFailure("timeout", "no answer before TLS");
            } catch (IOException e) {
                throw new CheckFailure("protocol_error", e.getMessage());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {ACCEPT_ALL}, null);
            String sni = target.serverName().orElse(target.host());
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(raw, sni, target.port(), true)) {
                SSLParameters parameters = tls.getSSLParameters();
                if (!sni.isEmpty() && Character.isLetter(sni.charAt(sni.length() - 1))) {
                    parameters.setServerNames(List.of(new SNIHostName(sni)));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate cert : tls.getSession().getPeerCertificates()) {
                    chain.add((X509Certificate) cert);
                }
                return new Presented(List.copyOf(chain), tls.getSession().getProtocol());
            } catch (SocketTimeoutException e) {
                throw new CheckFailure("timeout", "TLS handshake timed out");
            } catch (SSLException e) {
                throw new CheckFailure("handshake_failed", e.getMessage());
            } catch (IOException e) {
                throw new CheckFailure("handshake_failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } catch (IOException e) {
            throw new CheckFailure("connect_failed", e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new CheckFailure("handshake_failed", e.getMessage());
        }
    }

    /** The protocol steps before the handshake. Reads byte by byte: nothing after the last reply is consumed. */
    static final class StartTls {

        private StartTls() {
        }

        static void prepare(CertTarget.Kind kind, InputStream in, OutputStream out) throws IOException,
                CheckFailure {
            switch (kind) {
                case SMTP -> smtp(in, out);
                case IMAP -> imap(in, out);
                case POSTGRES -> postgres(in, out);
                case MYSQL -> mysql(in, out);
                default -> {
                }
            }
        }

        private static void smtp(InputStream in, OutputStream out) throws IOException, CheckFailure {
            expectSmtp(in, "220", "greeting");
            send(out, "EHLO saypro-monitor\r\n");
            String ehlo = expectSmtp(in, "250", "EHLO");
            if (!ehlo.toUpperCase(java.util.Locale.ROOT).contains("STARTTLS")) {
                throw new CheckFailure("no_tls", "the server does not offer STARTTLS");
            }
            send(out, "STARTTLS\r\n");
            expectSmtp(in, "220", "STARTTLS");
        }

        /** One SMTP reply (all its lines); fails unless it has the code. */
        private static String expectSmtp(InputStream in, String code, String step) throws IOException,
                CheckFailure {
            StringBuilder reply = new StringBuilder();
            for (int lines = 0; lines < 100; lines++) {
                String line = readLine(in);
                reply.append(line).append('\n');
                if (line.length() < 4 || line.charAt(3) != '-') {
                    if (!line.startsWith(code)) {
                        throw new CheckFailure("starttls_refused", step + " answered " + abbreviate(line));
                    }
                    return reply.toString();
                }
            }
            throw new CheckFailure("protocol_error", "endless SMTP reply");
        }

        private static void imap(InputStream in, OutputStream out) throws IOException, CheckFailure {
            String greeting = readLine(in);
            if (!greeting.startsWith("* OK")) {
                throw new CheckFailure("protocol_error", "IMAP greeting " + abbreviate(greeting));
            }
            send(out, "a1 STARTTLS\r\n");
            for (int lines = 0; lines < 100; lines++) {
                String line = readLine(in);
                if (line.startsWith("a1 ")) {
                    if (!line.startsWith("a1 OK")) {
                        throw new CheckFailure("starttls_refused", "STARTTLS answered " + abbreviate(line));
                    }
                    return;
                }
            }
            throw new CheckFailure("protocol_error", "no tagged IMAP answer");
        }

        /** SSLRequest: length 8, code 80877103; the server answers S (go ahead) or N (no TLS). */
        private static void postgres(InputStream in, OutputStream out) throws IOException, CheckFailure {
            out.write(new byte[] {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f});
            out.flush();
            int answer = in.read();
            if (answer == 'N') {
                throw new CheckFailure("no_tls", "PostgreSQL answered N to SSLRequest (ssl = off)");
            }
            if (answer != 'S') {
                throw new CheckFailure("protocol_error", "PostgreSQL answered " + answer + " to SSLRequest");
            }
        }

        private static final int CLIENT_SSL = 0x0800;

        /** Reads the server's handshake packet, checks CLIENT_SSL, sends the 32-byte SSL request (sequence 1). */
        private static void mysql(InputStream in, OutputStream out) throws IOException, CheckFailure {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                throw new CheckFailure("protocol_error", "no MySQL handshake");
            }
            int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
            byte[] payload = in.readNBytes(Math.min(length, 1 << 16));
            if (payload.length < 1 || payload[0] == (byte) 0xff) {
                throw new CheckFailure("protocol_error", "MySQL refused the connection");
            }
            int pos = 1;
            while (pos < payload.length && payload[pos] != 0) {
                pos++; // server version
            }
            pos += 1 + 4 + 8 + 1; // NUL, connection id, auth data part 1, filler
            if (pos + 2 > payload.length) {
                throw new CheckFailure("protocol_error", "short MySQL handshake");
            }
            int capabilities = (payload[pos] & 0xff) | (payload[pos + 1] & 0xff) << 8;
            if ((capabilities & CLIENT_SSL) == 0) {
                throw new CheckFailure("no_tls", "the MySQL server does not offer TLS (have_ssl off)");
            }
            int flags = CLIENT_SSL | 0x0200 | 0x8000; // SSL, PROTOCOL_41, SECURE_CONNECTION
            byte[] request = new byte[4 + 32];
            request[0] = 32;
            request[3] = 1;
            request[4] = (byte) flags;
            request[5] = (byte) (flags >> 8);
            request[8 + 2] = 0x00;
            request[8 + 3] = 0x01; // max packet 16 MiB (little endian 0x01000000)
            request[12] = 33; // utf8_general_ci
            out.write(request);
            out.flush();
        }

        private static void send(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed before TLS");
                }
                if (b == '\n') {
                    break;
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static String abbreviate(String line) {
            return line.length() > 80 ? line.substring(0, 80) + "..." : line;
        }
    }
}
