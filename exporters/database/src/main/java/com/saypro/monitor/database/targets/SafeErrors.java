package com.saypro.monitor.database.targets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns driver exceptions into one short line that is safe to log, show on the landing page and put
 * in a collector's failure: the SQL state and the driver's first line, with the target's password
 * (raw and URL-encoded) blanked out wherever a driver might have echoed it. Exceptions never leave
 * the exporter with their cause chain, whose messages nobody checked.
 */
public final class SafeErrors {
  private static final int MAX_LENGTH = 240;
  private final List<String> secrets;

  public SafeErrors(Optional<String> password) {
    List<String> forms = new ArrayList<>();
    password.filter(p -> !p.isEmpty()).ifPresent(p -> {
      forms.add(p);
      forms.add(URLEncoder.encode(p, StandardCharsets.UTF_8));
      forms.add(URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20"));
    });
    this.secrets = List.copyOf(forms);
  }

  /** {@code 57014 ERROR: canceling statement due to statement timeout}. */
  public String describe(Throwable e) {
    Throwable shown = e;
    // Hikari's timeout says only "not available": the reason is in its cause
    if (e instanceof SQLTransientConnectionException && e.getCause() != null) {
      shown = e.getCause();
    }
    StringBuilder text = new StringBuilder();
    if (shown instanceof SQLException sql && sql.getSQLState() != null) {
      text.append(sql.getSQLState()).append(' ');
    }
    String message = shown.getMessage();
    text.append(message == null || message.isBlank() ? shown.getClass().getSimpleName() : firstLine(message));
    return clean(text.toString());
  }

  /** Blanks out the secrets and caps the length of any text bound for a log or a page. */
  public String clean(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "<secret>");
    }
    out = out.replaceAll("\\s+", " ").trim();
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH - 3) + "..." : out;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A failure that reached the connection, not the query: the target is down or refuses us. */
  public static boolean isConnectionFailure(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return true;
    }
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      if (state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("57P01")
          || state.equals("57P02") || state.equals("57P03"))) {
        return true;
      }
      if (s.getNextException() == s) {
        break;
      }
    }
    return false;
  }
}
