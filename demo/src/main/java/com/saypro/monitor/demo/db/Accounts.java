package com.saypro.monitor.demo.db;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Users: find, check a password, register. */
public final class Accounts {
  private final MarketplaceDatabase database;

  public Accounts(MarketplaceDatabase database) {
    this.database = database;
  }

  public Optional<User> find(String email) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, email, password_hash, display_name, is_admin FROM users WHERE email = ?")) {
        select.setString(1, email);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next()
              ? Optional.of(new User(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5)))
              : Optional.<User>empty();
        }
      }
    });
  }

  public Optional<User> find(long id) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, email, password_hash, display_name, is_admin FROM users WHERE id = ?")) {
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next()
              ? Optional.of(new User(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getBoolean(5)))
              : Optional.<User>empty();
        }
      }
    });
  }

  public long guestId() throws DatabaseUnavailableException, SQLException {
    return find(Seeder.GUEST_EMAIL).map(User::id)
        .orElseThrow(() -> new SQLException("the seeded guest user is missing"));
  }

  public static boolean passwordMatches(User user, String password) {
    if (!user.passwordHash().startsWith("$2")) {
      return false; // the guest user and any account without a bcrypt hash cannot log in
    }
    return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
        user.passwordHash().getBytes(StandardCharsets.UTF_8)).verified;
  }

  /** Registers a user; empty when the email is taken. */
  public Optional<User> register(String email, String password, String displayName)
      throws DatabaseUnavailableException, SQLException {
    if (find(email).isPresent()) {
      return Optional.empty();
    }
    String hash = Seeder.hash(password);
    int inserted = database.call(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(database.dialect().insertIgnoring(
          "users", "email, password_hash, display_name, is_admin", "?, ?, ?, ?"))) {
        insert.setString(1, email);
        insert.setString(2, hash);
        insert.setString(3, displayName);
        insert.setBoolean(4, false);
        return insert.executeUpdate();
      }
    });
    return inserted == 0 ? Optional.empty() : find(email);
  }
}
