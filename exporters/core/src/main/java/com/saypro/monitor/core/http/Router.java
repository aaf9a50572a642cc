package com.saypro.monitor.core.http;

import com.saypro.monitor.core.exporter.Route;
import java.util.Optional;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The exporter's routes and nothing else: {@code /}, {@code /metrics} (client_java's servlet, the
 * wrapped handler), {@code /-/healthy}, {@code /-/ready}, {@code POST /-/reload} and the routes the
 * exporter declares. Any other path is 404; a wrong method is 405 with {@code Allow}.
 */
final class Router extends Handler.Wrapper {
  private final ExporterPages exporter;

  Router(Handler metricsServlet, ExporterPages exporter) {
    super(metricsServlet);
    this.exporter = exporter;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    boolean read = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
    switch (path) {
      case "/metrics" -> {
        return read ? super.handle(request, response, callback) : Responses.methodNotAllowed(response, callback, "GET, HEAD");
      }
      case "/" -> {
        return read
            ? Responses.html(response, callback, 200, LandingPage.render(exporter))
            : Responses.methodNotAllowed(response, callback, "GET, HEAD");
      }
      case "/-/healthy" -> {
        return read
            ? Responses.text(response, callback, 200, "SayPro Monitor " + exporter.name() + " exporter is healthy.")
            : Responses.methodNotAllowed(response, callback, "GET, HEAD");
      }
      case "/-/ready" -> {
        if (!read) {
          return Responses.methodNotAllowed(response, callback, "GET, HEAD");
        }
        return exporter.ready()
            ? Responses.text(response, callback, 200, "SayPro Monitor " + exporter.name() + " exporter is ready.")
            : Responses.text(response, callback, 503, "SayPro Monitor " + exporter.name() + " exporter is not ready.");
      }
      case "/-/reload" -> {
        if (!HttpMethod.POST.is(method) && !HttpMethod.PUT.is(method)) {
          return Responses.methodNotAllowed(response, callback, "POST, PUT");
        }
        Optional<String> refused = exporter.reload();
        return refused.isEmpty()
            ? Responses.text(response, callback, 200, "config reloaded")
            : Responses.text(response, callback, 500, "reload failed, previous config kept: " + refused.get());
      }
      default -> {
        for (Route route : exporter.routes()) {
          if (route.path().equals(path)) {
            return route.handler().handle(request, response, callback);
          }
        }
        return Responses.text(response, callback, 404, "not found: this exporter serves /, /metrics, /-/healthy, /-/ready and /-/reload"
            + (exporter.routes().isEmpty() ? "" : " and its listed endpoints"));
      }
    }
  }
}
