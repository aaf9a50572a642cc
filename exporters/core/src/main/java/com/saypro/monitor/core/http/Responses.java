package com.saypro.monitor.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Small helpers to answer with a short text or HTML body. */
public final class Responses {
  private Responses() {}

  public static boolean text(Response response, Callback callback, int status, String body) {
    return write(response, callback, status, "text/plain; charset=utf-8", body.endsWith("\n") ? body : body + "\n");
  }

  public static boolean html(Response response, Callback callback, int status, String body) {
    return write(response, callback, status, "text/html; charset=utf-8", body);
  }

  public static boolean json(Response response, Callback callback, int status, String body) {
    return write(response, callback, status, "application/json", body);
  }

  public static boolean write(Response response, Callback callback, int status, String contentType, String body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  /** 405 with the methods that are allowed. */
  public static boolean methodNotAllowed(Response response, Callback callback, String allowed) {
    response.getHeaders().put(HttpHeader.ALLOW, allowed);
    return text(response, callback, 405, "method not allowed (use " + allowed + ")");
  }
}
