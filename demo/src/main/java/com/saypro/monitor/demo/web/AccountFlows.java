package com.saypro.monitor.demo.web;

import com.saypro.monitor.demo.db.Accounts;
import com.saypro.monitor.demo.db.DatabaseUnavailableException;
import com.saypro.monitor.demo.db.User;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Log in, register, reset a password, guard the admin pages: the flows the security exporter
 * watches, so each outcome is logged exactly once here, for pages and API alike.
 */
public final class AccountFlows {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

  private final Shop shop;
  private final ShopEvents events;

  public AccountFlows(Shop shop, ShopEvents events) {
    this.shop = shop;
    this.events = events;
  }

  public User logIn(Session session, String email, String password, String clientIp)
      throws ShopException, DatabaseUnavailableException, SQLException {
    String who = email == null ? "" : email.strip();
    Optional<User> user;
    try {
      user = shop.findUser(who);
    } catch (DatabaseUnavailableException e) {
      events.loginFailed(who, "unknown", "database_unavailable", clientIp);
      throw e;
    }
    if (user.isEmpty()) {
      events.loginFailed(who, "unknown", "unknown_user", clientIp);
      throw new ShopException(401, "unauthorized", "wrong email or password");
    }
    if (password == null || !Accounts.passwordMatches(user.get(), password)) {
      events.loginFailed(who, user.get().admin() ? "admin" : "customer", "bad_password", clientIp);
      throw new ShopException(401, "unauthorized", "wrong email or password");
    }
    shop.logIn(session, user.get());
    events.loginSucceeded(who, user.get().admin(), clientIp);
    return user.get();
  }

  public User register(Session session, String email, String password, String displayName, String clientIp)
      throws ShopException, DatabaseUnavailableException, SQLException {
    String who = email == null ? "" : email.strip();
    if (!EMAIL.matcher(who).matches() || password == null || password.length() < 8 || password.length() > 72
        || displayName == null || displayName.isBlank() || displayName.length() > 100) {
      events.registration(who, "invalid_input", clientIp);
      throw new ShopException(400, "bad_request",
          "email must be an address, password 8 to 72 characters, display_name 1 to 100 characters");
    }
    Optional<User> user;
    try {
      user = shop.register(who, password, displayName.strip());
    } catch (DatabaseUnavailableException e) {
      events.registration(who, "database_unavailable", clientIp);
      throw e;
    }
    if (user.isEmpty()) {
      events.registration(who, "email_taken", clientIp);
      throw new ShopException(409, "conflict", "an account with this email exists");
    }
    shop.logIn(session, user.get());
    events.registration(who, null, clientIp);
    return user.get();
  }

  /** Always the same answer whether the user exists (no enumeration); the log tells the truth. */
  public void passwordReset(String email, String clientIp) throws DatabaseUnavailableException, SQLException {
    String who = email == null ? "" : email.strip();
    try {
      boolean known = shop.findUser(who).isPresent();
      events.passwordReset(who, known ? "sent" : "unknown_user", clientIp);
    } catch (DatabaseUnavailableException e) {
      events.passwordResetFailed(who, clientIp);
      throw e;
    }
  }

  /** Passes admins; refuses everyone else with 401 (not logged in) or 403, logged as access_denied. */
  public void requireAdmin(Session session, String path, String clientIp) throws ShopException {
    if (!session.loggedIn()) {
      events.accessDenied(path, null, "not_logged_in", clientIp);
      throw new ShopException(401, "unauthorized", "log in as an admin first");
    }
    if (!session.admin()) {
      events.accessDenied(path, session.email(), "not_admin", clientIp);
      throw new ShopException(403, "forbidden", "admins only");
    }
  }
}
