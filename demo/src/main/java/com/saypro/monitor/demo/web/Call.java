package com.saypro.monitor.demo.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One request to a backend with what every route needs: session, route class, client address. */
final class Call {
  final Request request;
  final Response response;
  final Callback callback;
  final Session session;
  final RouteClass route;
  final String clientIp;
  final String path;
  final String method;

  Call(Request request, Response response, Callback callback, Session session, RouteClass route, String clientIp) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.session = session;
    this.route = route;
    this.clientIp = clientIp;
    this.path = Request.getPathInContext(request);
    this.method = request.getMethod();
  }

  boolean api() {
    return path.startsWith("/api/");
  }

  boolean is(String method, String path) {
    return this.method.equals(method) && this.path.equals(path);
  }

  Map<String, String> query() {
    return HttpIo.query(request);
  }

  Map<String, String> form() throws ShopException {
    try {
      return HttpIo.decodeForm(HttpIo.body(request));
    } catch (IOException e) {
      throw new ShopException(400, "bad_request", "the form could not be read: " + e.getMessage());
    }
  }

  /** The JSON body; an empty body reads as {@code {}}. */
  JsonNode jsonBody() throws ShopException {
    try {
      String text = HttpIo.body(request);
      JsonNode node = text.isBlank() ? HttpIo.object() : HttpIo.JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new ShopException(400, "bad_request", "the body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ShopException(400, "bad_request", "the body is not JSON");
    }
  }

  static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  void json(int status, Object body) {
    HttpIo.json(response, callback, status, body);
  }

  void html(int status, String html) {
    HttpIo.html(response, callback, status, html);
  }

  void redirect(String location) {
    HttpIo.redirect(response, callback, location);
  }

  /** An error in the form this caller reads: JSON for the API, a page for the site. */
  void fail(int status, String code, String message) {
    if (api()) {
      HttpIo.jsonError(response, callback, status, code, message);
    } else {
      html(status, Pages.error(status, code, message, session));
    }
  }
}
