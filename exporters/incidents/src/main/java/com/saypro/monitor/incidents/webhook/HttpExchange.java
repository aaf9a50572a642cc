package com.saypro.monitor.incidents.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.core.http.Responses;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Reading a capped request body and answering with a small JSON object. */
final class HttpExchange {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpExchange() {}

  /** Past the cap, this much more is read and thrown away so the sender gets to read the 413. */
  private static final long DISCARD_LIMIT = 16L * 1024 * 1024;

  /**
   * The body, or empty when it is longer than {@code max} bytes (declared or actual). An oversized
   * body is never kept: up to 16 MiB of it is read and discarded, so the client, still sending, is
   * not cut off before it can read the answer; beyond that the connection is simply closed.
   */
  static Optional<byte[]> body(Request request, int max) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      long declared = request.getLength();
      if (declared > max) {
        discard(in);
        return Optional.empty();
      }
      if (declared >= 0) {
        // Alertmanager declares the length: read straight into an array of that size (readNBytes(max + 1)
        // gathers 8 KiB chunks and copies them twice, a third of the bytes allocated per notification)
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        // Jetty delivers exactly the declared length (an early end of stream fails the read)
        return Optional.of(read == body.length ? body : Arrays.copyOf(body, read));
      }
      byte[] body = in.readNBytes(max + 1);
      if (body.length > max) {
        discard(in);
        return Optional.empty();
      }
      return Optional.of(body);
    }
  }

  private static void discard(InputStream in) throws IOException {
    byte[] sink = new byte[16 * 1024];
    long total = 0;
    int read;
    while (total < DISCARD_LIMIT && (read = in.read(sink)) >= 0) {
      total += read;
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static boolean json(Response response, Callback callback, int status, ObjectNode body) {
    return Responses.json(response, callback, status, body.toString() + "\n");
  }

  static boolean error(Response response, Callback callback, int status, String message) {
    ObjectNode body = object().put("status", "error").put("error", message);
    return json(response, callback, status, body);
  }

  static boolean unauthorized(Response response, Callback callback, String scheme) {
    response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, scheme + " realm=\"saypro-incidents\"");
    return error(response, callback, 401, "authentication required");
  }

  static ObjectMapper mapper() {
    return JSON;
  }
}
