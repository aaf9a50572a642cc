package com.saypro.monitor.core.http;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Error pages with a status and a short reason only: never a stack trace, a server version or the
 * request echoed back.
 */
final class QuietErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
    return Responses.text(response, callback, status, status + " " + reason);
  }
}
