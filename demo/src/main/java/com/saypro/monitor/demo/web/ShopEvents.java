package com.saypro.monitor.demo.web;

import com.saypro.monitor.demo.logs.AppLog;

/**
 * The application log events of one backend instance (demo/API.md, "Application log"). Every
 * value here is bounded or an email the user typed; never a password, token or session id.
 */
public final class ShopEvents {
  private final AppLog.Source log;

  public ShopEvents(AppLog.Source log) {
    this.log = log;
  }

  public void payment(PaymentOutcome outcome) {
    var charge = outcome.charge();
    if (charge.succeeded()) {
      log.info("payment_succeeded").with("route", "payment").with("gateway", outcome.gateway())
          .with("order_number", outcome.order().orderNumber()).with("amount_cents", outcome.order().totalCents())
          .with("duration_ms", charge.durationMs())
          .log("payment of " + outcome.order().orderNumber() + " succeeded at " + outcome.gateway());
    } else {
      log.error("payment_failed").with("route", "payment").with("gateway", outcome.gateway())
          .with("error_code", charge.errorCode()).with("order_number", outcome.order().orderNumber())
          .with("amount_cents", outcome.order().totalCents()).with("duration_ms", charge.durationMs())
          .log("payment of " + outcome.order().orderNumber() + " failed at " + outcome.gateway() + ": " + charge.errorCode());
    }
  }

  /** A 5xx: {@code product_listing_error} for the catalog routes, {@code request_failed} for the rest. */
  public void failure(RouteClass route, int status, String error, String detail) {
    if (route.isCatalog()) {
      log.error("product_listing_error").with("route", route.label()).with("error", error).with("status", status)
          .log(route.label() + " failed: " + detail);
    } else {
      log.error("request_failed").with("route", route.label()).with("status", status).with("error", error)
          .log(route.label() + " failed: " + detail);
    }
  }

  public void loginSucceeded(String user, boolean admin, String clientIp) {
    log.info("login_succeeded").with("route", "login").with("user", user).with("user_type", admin ? "admin" : "customer")
        .with("client_ip", clientIp).log((admin ? "admin " : "customer ") + "logged in");
  }

  public void loginFailed(String user, String userType, String reason, String clientIp) {
    log.warn("login_failed").with("route", "login").with("user", user).with("user_type", userType)
        .with("reason", reason).with("client_ip", clientIp).log("login failed: " + reason);
  }

  public void registration(String user, String failureReason, String clientIp) {
    if (failureReason == null) {
      log.info("registration_succeeded").with("route", "account").with("user", user).with("client_ip", clientIp)
          .log("new customer registered");
    } else {
      log.warn("registration_failed").with("route", "account").with("user", user).with("reason", failureReason)
          .with("client_ip", clientIp).log("registration failed: " + failureReason);
    }
  }

  public void passwordReset(String user, String outcome, String clientIp) {
    log.info("password_reset_requested").with("route", "account").with("user", user).with("outcome", outcome)
        .with("client_ip", clientIp).log("password reset requested");
  }

  public void passwordResetFailed(String user, String clientIp) {
    log.error("password_reset_failed").with("route", "account").with("user", user).with("reason", "database_unavailable")
        .with("client_ip", clientIp).log("password reset failed: database unavailable");
  }

  public void accessDenied(String path, String user, String reason, String clientIp) {
    log.warn("access_denied").with("route", "account").with("path", path).with("user", user == null ? "-" : user)
        .with("reason", reason).with("client_ip", clientIp).log("access to " + path + " denied: " + reason);
  }
}
