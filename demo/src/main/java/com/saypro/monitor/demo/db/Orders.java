package com.saypro.monitor.demo.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carts, orders and payments. A cart is an order in status {@code cart}; checkout takes the stock
 * and makes it {@code placed}; a payment makes it {@code paid} or {@code failed} and leaves a row
 * in {@code payments}.
 */
public final class Orders {
  private static final String ORDER_COLUMNS = "id, order_number, user_id, status, total_cents";

  private final MarketplaceDatabase database;
  private final OrderNumbers numbers;

  public Orders(MarketplaceDatabase database, OrderNumbers numbers) {
    this.database = database;
    this.numbers = numbers;
  }

  /** A new empty cart of {@code userId}; returns its order id. */
  public long createCart(long userId) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO orders (order_number, user_id, status, total_cents) VALUES (?, ?, 'cart', 0)", new String[] {"id"})) {
        insert.setString(1, numbers.next());
        insert.setLong(2, userId);
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          return keys.getLong(1);
        }
      }
    });
  }

  /** Adds {@code quantity} of {@code product} to a cart; false when the cart is no longer a cart. */
  public boolean addLine(long cartId, Product product, int quantity) throws DatabaseUnavailableException, SQLException {
    return database.transaction(connection -> {
      Optional<OrderRow> cart = byId(connection, cartId);
      if (cart.isEmpty() || !cart.get().status().equals("cart")) {
        return false;
      }
      int updated;
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE order_lines SET quantity = quantity + ? WHERE order_id = ? AND product_id = ?")) {
        update.setInt(1, quantity);
        update.setLong(2, cartId);
        update.setLong(3, product.id());
        updated = update.executeUpdate();
      }
      if (updated == 0) {
        try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?)")) {
          insert.setLong(1, cartId);
          insert.setLong(2, product.id());
          insert.setInt(3, quantity);
          insert.setLong(4, product.priceCents());
          insert.executeUpdate();
        }
      }
      updateTotal(connection, cartId);
      return true;
    });
  }

  public List<CartLine> lines(long orderId) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> lines(connection, orderId));
  }

  /** Gives an anonymous cart to the user who just logged in. */
  public void assignUser(long cartId, long userId) throws DatabaseUnavailableException, SQLException {
    database.call(connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE orders SET user_id = ? WHERE id = ? AND status = 'cart'")) {
        update.setLong(1, userId);
        update.setLong(2, cartId);
        return update.executeUpdate();
      }
    });
  }

  /** Takes the stock of every line and places the order, all or nothing. */
  public CheckoutResult checkout(long cartId) throws DatabaseUnavailableException, SQLException {
    return database.transaction(connection -> {
      Optional<OrderRow> cart = byId(connection, cartId);
      List<CartLine> lines = lines(connection, cartId);
      if (cart.isEmpty() || !cart.get().status().equals("cart") || lines.isEmpty()) {
        return CheckoutResult.refused(CheckoutResult.Outcome.EMPTY_CART, null);
      }
      long total = 0;
      for (CartLine line : lines) {
        try (PreparedStatement take = connection.prepareStatement(
            "UPDATE inventory SET quantity = quantity - ?, updated_at = CURRENT_TIMESTAMP WHERE product_id = ? AND quantity >= ?")) {
          take.setInt(1, line.quantity());
          take.setLong(2, line.productId());
          take.setInt(3, line.quantity());
          if (take.executeUpdate() == 0) {
            connection.rollback();
            return CheckoutResult.refused(CheckoutResult.Outcome.OUT_OF_STOCK, line.name());
          }
        }
        total += line.totalCents();
      }
      try (PreparedStatement place = connection.prepareStatement(
          "UPDATE orders SET status = 'placed', placed_at = CURRENT_TIMESTAMP, total_cents = ? WHERE id = ?")) {
        place.setLong(1, total);
        place.setLong(2, cartId);
        place.executeUpdate();
      }
      return CheckoutResult.placed(cart.get().orderNumber(), total);
    });
  }

  public Optional<OrderRow> find(String orderNumber) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + ORDER_COLUMNS + " FROM orders WHERE order_number = ? AND status <> 'cart' ORDER BY id DESC")) {
        select.setString(1, orderNumber);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(order(rows)) : Optional.<OrderRow>empty();
        }
      }
    });
  }

  /** Records a payment attempt and moves the order to {@code paid} or {@code failed}. */
  public long recordPayment(OrderRow order, String gateway, boolean succeeded, String errorCode)
      throws DatabaseUnavailableException, SQLException {
    return database.transaction(connection -> {
      long paymentId;
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO payments (order_id, gateway, status, error_code, amount_cents) VALUES (?, ?, ?, ?, ?)",
          new String[] {"id"})) {
        insert.setLong(1, order.id());
        insert.setString(2, gateway);
        insert.setString(3, succeeded ? "succeeded" : "failed");
        insert.setString(4, errorCode);
        insert.setLong(5, order.totalCents());
        insert.executeUpdate();
        try (ResultSet keys = insert.getGeneratedKeys()) {
          keys.next();
          paymentId = keys.getLong(1);
        }
      }
      try (PreparedStatement update = connection.prepareStatement(succeeded
          ? "UPDATE orders SET status = 'paid', paid_at = CURRENT_TIMESTAMP WHERE id = ?"
          : "UPDATE orders SET status = 'failed' WHERE id = ?")) {
        update.setLong(1, order.id());
        update.executeUpdate();
      }
      return paymentId;
    });
  }

  /** The newest orders of a user (or of everyone when {@code userId} is null), carts excluded. */
  public List<OrderRow> latest(Long userId, int limit) throws DatabaseUnavailableException, SQLException {
    return database.call(connection -> {
      String sql = "SELECT " + ORDER_COLUMNS + " FROM orders WHERE status <> 'cart'"
          + (userId == null ? "" : " AND user_id = ?") + " ORDER BY id DESC LIMIT " + limit;
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        if (userId != null) {
          select.setLong(1, userId);
        }
        List<OrderRow> orders = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            orders.add(order(rows));
          }
        }
        return orders;
      }
    });
  }

  private static Optional<OrderRow> byId(Connection connection, long id) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT " + ORDER_COLUMNS + " FROM orders WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(order(rows)) : Optional.empty();
      }
    }
  }

  private static List<CartLine> lines(Connection connection, long orderId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT l.product_id, COALESCE(p.name, '(removed)'), l.quantity, l.unit_price_cents "
            + "FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.id")) {
      select.setLong(1, orderId);
      List<CartLine> lines = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          lines.add(new CartLine(rows.getLong(1), rows.getString(2), rows.getInt(3), rows.getLong(4)));
        }
      }
      return lines;
    }
  }

  private static void updateTotal(Connection connection, long orderId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE orders SET total_cents = (SELECT COALESCE(SUM(quantity * unit_price_cents), 0) FROM order_lines WHERE order_id = ?) WHERE id = ?")) {
      update.setLong(1, orderId);
      update.setLong(2, orderId);
      update.executeUpdate();
    }
  }

  private static OrderRow order(ResultSet rows) throws SQLException {
    long userId = rows.getLong(3);
    Long user = rows.wasNull() ? null : userId;
    return new OrderRow(rows.getLong(1), rows.getString(2), user, rows.getString(4), rows.getLong(5));
  }
}
