package com.saypro.monitor.demo.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Product search, listing by category, and one product with its stock. */
public final class Catalog {
  public static final int PAGE_SIZE = 20;
  public static final List<String> CATEGORIES = Seeder.CATEGORIES;

  private final MarketplaceDatabase database;

  public Catalog(MarketplaceDatabase database) {
    this.database = database;
  }

  public ProductPage search(String text) throws DatabaseUnavailableException, SQLException {
    String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    Dialect dialect = database.dialect();
    String where = "(" + dialect.containsIgnoringCase("name") + " OR " + dialect.containsIgnoringCase("category") + ")";
    return database.call(connection -> page(connection, where, pattern, 1));
  }

  public ProductPage list(String category, int page) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> page(connection, "category = ?", category, page));
  }

  public Optional<Product> product(long id) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT p.id, p.sku, p.name, p.category, p.price_cents, COALESCE(i.quantity, 0) "
              + "FROM products p LEFT JOIN inventory i ON i.product_id = p.id WHERE p.id = ?")) {
        select.setLong(1, id);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(product(rows, rows.getInt(6))) : Optional.<Product>empty();
        }
      }
    });
  }

  private static ProductPage page(Connection connection, String where, String parameter, int page) throws SQLException {
    boolean twice = where.chars().filter(c -> c == '?').count() == 2;
    int total;
    try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM products WHERE " + where)) {
      bind(count, parameter, twice);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        total = rows.getInt(1);
      }
    }
    List<Product> products = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, sku, name, category, price_cents FROM products WHERE " + where
            + " ORDER BY id LIMIT " + PAGE_SIZE + " OFFSET " + (long) (page - 1) * PAGE_SIZE)) {
      bind(select, parameter, twice);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          products.add(product(rows, -1));
        }
      }
    }
    return new ProductPage(List.copyOf(products), total);
  }

  private static void bind(PreparedStatement statement, String parameter, boolean twice) throws SQLException {
    statement.setString(1, parameter);
    if (twice) {
      statement.setString(2, parameter);
    }
  }

  private static Product product(ResultSet rows, int stock) throws SQLException {
    return new Product(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getLong(5), stock);
  }
}
