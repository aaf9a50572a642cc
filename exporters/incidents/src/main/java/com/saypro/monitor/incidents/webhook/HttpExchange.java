package com.saypro.monitor.incidents.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.core.http.Responses;
import java.io.IOException;
import java.io.InputStream;
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

  /** The body, or empty when it is longer than {@code max} bytes (declared or actual). */
  static Optional<byte[]> body(Request request, int max) throws IOException {
    long declared = request.getLength();
    if (declared > max) {
      return Optional.empty();
    }
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] body = in.readNBytes(max + 1);
      return body.length > max ? Optional.empty() : Optional.of(body);
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
