package com.saypro.monitor.demo.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Small helpers to read requests and write whole answers with Jetty's core API. */
public final class HttpIo {
  public static final ObjectMapper JSON = new ObjectMapper();
  /** Bodies the demo accepts are tiny; anything larger is refused rather than buffered. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private HttpIo() {}

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static void json(Response response, Callback callback, int status, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    write(response, callback, status, "application/json", bytes);
  }

  /** {@code {"error": code, "message": message}}, the shape of every JSON error. */
  public static void jsonError(Response response, Callback callback, int status, String code, String message) {
    ObjectNode body = object();
    body.put("error", code);
    body.put("message", message);
    json(response, callback, status, body);
  }

  public static void html(Response response, Callback callback, int status, String html) {
    write(response, callback, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  public static void redirect(Response response, Callback callback, String location) {
    response.getHeaders().put(HttpHeader.LOCATION, location);
    write(response, callback, 303, "text/plain; charset=utf-8", new byte[0]);
  }

  public static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** The request body as UTF-8 text, at most {@link #MAX_BODY_BYTES}. */
  public static String body(Request request) throws IOException {
    long length = request.getLength();
    if (length > MAX_BODY_BYTES) {
      throw new IOException("body larger than " + MAX_BODY_BYTES + " bytes");
    }
    String text = Content.Source.asString(request, StandardCharsets.UTF_8);
    if (text.length() > MAX_BODY_BYTES) {
      throw new IOException("body larger than " + MAX_BODY_BYTES + " bytes");
    }
    return text;
  }

  /** Decodes {@code a=1&b=2} (a query string or a form body). */
  public static Map<String, String> decodeForm(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return fields;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        fields.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // a malformed %-escape: skip the pair, as browsers' servers do, rather than fail the page
      }
    }
    return fields;
  }

  public static Map<String, String> query(Request request) {
    return decodeForm(request.getHttpURI().getQuery());
  }
}
