package com.saypro.monitor.demo.faults;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.demo.web.HttpIo;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The fault API: {@code POST/GET/DELETE /faults}, {@code GET/DELETE /faults/{id}}, each with
 * {@code Authorization: Bearer TOKEN}. After a change it asks the listener switch to reconcile, so
 * a "refused" fault closes its listener before the answer is sent.
 */
public final class FaultControlHandler extends Handler.Abstract {
  private final FaultBook book;
  private final ControlToken token;
  private final FaultRequestParser parser;
  private final Runnable afterChange;

  public FaultControlHandler(FaultBook book, ControlToken token, FaultRequestParser parser, Runnable afterChange) {
    this.book = book;
    this.token = token;
    this.parser = parser;
    this.afterChange = afterChange;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws IOException {
    if (!token.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"saypro-demo-faults\"");
      HttpIo.jsonError(response, callback, 401, "unauthorized",
          "send Authorization: Bearer TOKEN (the token file is named in the demo's start-up log)");
      return true;
    }
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    if (path.equals("/faults")) {
      switch (method) {
        case "GET" -> list(response, callback);
        case "POST" -> create(request, response, callback);
        case "DELETE" -> {
          book.clear();
          afterChange.run();
          HttpIo.write(response, callback, 204, "application/json", new byte[0]);
        }
        default -> methodNotAllowed(response, callback);
      }
      return true;
    }
    if (path.startsWith("/faults/")) {
      String id = path.substring("/faults/".length());
      switch (method) {
        case "GET" -> {
          Optional<Fault> fault = book.get(id);
          if (fault.isPresent()) {
            HttpIo.json(response, callback, 200, FaultJson.of(fault.get(), book.now()));
          } else {
            notFound(response, callback);
          }
        }
        case "DELETE" -> {
          if (book.remove(id)) {
            afterChange.run();
            HttpIo.write(response, callback, 204, "application/json", new byte[0]);
          } else {
            notFound(response, callback);
          }
        }
        default -> methodNotAllowed(response, callback);
      }
      return true;
    }
    HttpIo.jsonError(response, callback, 404, "not_found", "the fault API lives at /faults");
    return true;
  }

  private void list(Response response, Callback callback) {
    ObjectNode body = HttpIo.object();
    ArrayNode items = body.putArray("faults");
    for (Fault fault : book.list()) {
      items.add(FaultJson.of(fault, book.now()));
    }
    HttpIo.json(response, callback, 200, body);
  }

  private void create(Request request, Response response, Callback callback) {
    FaultSpec spec;
    try {
      spec = parser.parse(HttpIo.body(request));
    } catch (BadFaultRequest | IOException e) {
      HttpIo.jsonError(response, callback, 400, "bad_request", e.getMessage());
      return;
    }
    Fault fault = book.add(spec);
    afterChange.run();
    HttpIo.json(response, callback, 201, FaultJson.of(fault, book.now()));
  }

  private static void notFound(Response response, Callback callback) {
    HttpIo.jsonError(response, callback, 404, "not_found", "no such fault (it may have expired or been cleared)");
  }

  private static void methodNotAllowed(Response response, Callback callback) {
    HttpIo.jsonError(response, callback, 405, "bad_request", "method not allowed here");
  }
}
