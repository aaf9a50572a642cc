package com.saypro.monitor.demo.db;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Fills an empty marketplace: users, products and inventory (demo/API.md, "Seeded data"). Safe to
 * run on every start and from two processes at once: rows are keyed by email and SKU and inserted
 * with "ignore if present".
 */
final class Seeder {
  static final List<String> CATEGORIES = List.of("lamps", "chairs", "desks", "shelves", "rugs");
  static final int PRODUCTS_PER_CATEGORY = 40;
  static final int CUSTOMERS = 50;
  static final int STOCK = 100_000;
  static final String GUEST_EMAIL = "guest@saypro.example";
  /** bcrypt's lowest cost: the demo's logins must not eat the CPU the exporters are measured on. */
  private static final int BCRYPT_COST = 4;

  private final Dialect dialect;

  Seeder(Dialect dialect) {
    this.dialect = dialect;
  }

  void seed(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      seedUsers(connection);
      seedProducts(connection);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("INSERT INTO inventory (product_id, quantity) SELECT p.id, " + STOCK
            + " FROM products p WHERE NOT EXISTS (SELECT 1 FROM inventory i WHERE i.product_id = p.id)");
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private void seedUsers(Connection connection) throws SQLException {
    String customerHash = hash("demo-password");
    try (PreparedStatement insert = connection.prepareStatement(
        dialect.insertIgnoring("users", "email, password_hash, display_name, is_admin", "?, ?, ?, ?"))) {
      add(insert, "admin@saypro.example", hash("admin-password"), "Demo admin", true);
      // Anonymous carts and guest checkouts belong to this user, so no order is without a user.
      add(insert, GUEST_EMAIL, "!no-login", "Guest", false);
      for (int i = 1; i <= CUSTOMERS; i++) {
        add(insert, "customer" + i + "@saypro.example", customerHash, "Customer " + i, false);
      }
      insert.executeBatch();
    }
  }

  private static void add(PreparedStatement insert, String email, String hash, String name, boolean admin)
      throws SQLException {
    insert.setString(1, email);
    insert.setString(2, hash);
    insert.setString(3, name);
    insert.setBoolean(4, admin);
    insert.addBatch();
  }

  private void seedProducts(Connection connection) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        dialect.insertIgnoring("products", "sku, name, category, price_cents", "?, ?, ?, ?"))) {
      for (String category : CATEGORIES) {
        String singular = category.substring(0, category.length() - 1);
        for (int i = 1; i <= PRODUCTS_PER_CATEGORY; i++) {
          insert.setString(1, String.format(Locale.ROOT, "%s-%04d", singular.toUpperCase(Locale.ROOT), i));
          insert.setString(2, adjective(i) + " " + singular + " " + i);
          insert.setString(3, category);
          insert.setLong(4, 499 + (i * 731L % 20_000));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  private static String adjective(int i) {
    String[] words = {"Desk", "Oak", "Modern", "Classic", "Compact"};
    return words[i % words.length];
  }

  static String hash(String password) {
    return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
  }
}
