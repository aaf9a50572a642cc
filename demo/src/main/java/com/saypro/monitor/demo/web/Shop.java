package com.saypro.monitor.demo.web;

import com.saypro.monitor.demo.db.Accounts;
import com.saypro.monitor.demo.db.CartLine;
import com.saypro.monitor.demo.db.Catalog;
import com.saypro.monitor.demo.db.CheckoutResult;
import com.saypro.monitor.demo.db.DatabaseUnavailableException;
import com.saypro.monitor.demo.db.OrderRow;
import com.saypro.monitor.demo.db.Orders;
import com.saypro.monitor.demo.db.Product;
import com.saypro.monitor.demo.db.ProductPage;
import com.saypro.monitor.demo.db.User;
import com.saypro.monitor.demo.faults.FaultRequestParser;
import com.saypro.monitor.demo.gateway.ChargeResult;
import com.saypro.monitor.demo.gateway.GatewayClient;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What the marketplace does, independent of HTML or JSON: browse, cart, checkout, pay, log in,
 * register. The page and API routes both call it, so both behave and log the same.
 */
public final class Shop {
  private static final int MAX_QUANTITY = 100;

  private final Catalog catalog;
  private final Orders orders;
  private final Accounts accounts;
  private final GatewayClient gateway;

  public Shop(Catalog catalog, Orders orders, Accounts accounts, GatewayClient gateway) {
    this.catalog = catalog;
    this.orders = orders;
    this.accounts = accounts;
    this.gateway = gateway;
  }

  public ProductPage search(String text) throws ShopException, DatabaseUnavailableException, SQLException {
    if (text == null || text.isBlank()) {
      throw new ShopException(400, "bad_request", "q: required, the text to search for");
    }
    if (text.length() > 100) {
      throw new ShopException(400, "bad_request", "q: at most 100 characters");
    }
    return catalog.search(text.strip());
  }

  public ProductPage list(String category, String page) throws ShopException, DatabaseUnavailableException, SQLException {
    int number = page == null || page.isEmpty() ? 1 : integer("page", page, 1, 10_000);
    return catalog.list(category == null || category.isEmpty() ? Catalog.CATEGORIES.get(0) : category, number);
  }

  public Product product(String id) throws ShopException, DatabaseUnavailableException, SQLException {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ShopException(404, "not_found", "no product " + id);
    }
    return catalog.product(number).orElseThrow(() -> new ShopException(404, "not_found", "no product " + id));
  }

  public List<CartLine> cart(Session session) throws DatabaseUnavailableException, SQLException {
    Long cartId = session.cartId();
    return cartId == null ? List.of() : orders.lines(cartId);
  }

  public void addToCart(Session session, String productId, String quantity)
      throws ShopException, DatabaseUnavailableException, SQLException {
    if (productId == null || productId.isEmpty()) {
      throw new ShopException(400, "bad_request", "product_id: required");
    }
    int count = quantity == null || quantity.isEmpty() ? 1 : integer("quantity", quantity, 1, MAX_QUANTITY);
    Product product = product(productId);
    for (int attempt = 0; attempt < 2; attempt++) {
      Long cartId = session.cartId();
      if (cartId == null) {
        cartId = orders.createCart(session.loggedIn() ? session.userId() : accounts.guestId());
        session.cart(cartId);
      }
      if (orders.addLine(cartId, product, count)) {
        return;
      }
      session.cart(null); // checked out meanwhile by a parallel request: start a new cart
    }
    throw new ShopException(409, "conflict", "the cart changed while adding; try again");
  }

  public CheckoutResult checkout(Session session) throws ShopException, DatabaseUnavailableException, SQLException {
    Long cartId = session.cartId();
    if (cartId == null) {
      throw new ShopException(409, "empty_cart", "the cart is empty");
    }
    CheckoutResult result = orders.checkout(cartId);
    switch (result.outcome()) {
      case EMPTY_CART -> throw new ShopException(409, "empty_cart", "the cart is empty");
      case OUT_OF_STOCK -> throw new ShopException(409, "out_of_stock", result.productName() + " is out of stock");
      default -> session.cart(null);
    }
    return result;
  }

  public PaymentOutcome pay(String orderNumber, String gatewayName) throws ShopException, DatabaseUnavailableException, SQLException {
    if (orderNumber == null || orderNumber.isEmpty()) {
      throw new ShopException(400, "bad_request", "order_number: required");
    }
    String name = gatewayName == null || gatewayName.isEmpty() ? "sandbox" : gatewayName;
    if (!FaultRequestParser.GATEWAYS.contains(name)) {
      throw new ShopException(400, "bad_request", "gateway: \"" + name + "\" is not one of " + String.join(", ", FaultRequestParser.GATEWAYS));
    }
    OrderRow order = orders.find(orderNumber).orElseThrow(() -> new ShopException(404, "not_found", "no order " + orderNumber));
    if (!order.payable()) {
      throw new ShopException(409, "conflict", "order " + orderNumber + " is " + order.status());
    }
    ChargeResult charge = gateway.charge(name, orderNumber, order.totalCents());
    long paymentId = orders.recordPayment(order, name, charge.succeeded(), charge.errorCode());
    return new PaymentOutcome(order, name, charge, paymentId);
  }

  public Optional<User> findUser(String email) throws DatabaseUnavailableException, SQLException {
    return accounts.find(email);
  }

  public Optional<User> currentUser(Session session) throws DatabaseUnavailableException, SQLException {
    Long id = session.userId();
    return id == null ? Optional.empty() : accounts.find(id);
  }

  /** Logs the session in and hands it its anonymous cart. */
  public void logIn(Session session, User user) throws DatabaseUnavailableException, SQLException {
    session.logIn(user.id(), user.email(), user.admin());
    Long cartId = session.cartId();
    if (cartId != null) {
      orders.assignUser(cartId, user.id());
    }
  }

  public Optional<User> register(String email, String password, String displayName)
      throws DatabaseUnavailableException, SQLException {
    return accounts.register(email, password, displayName);
  }

  public List<OrderRow> orders(Long userId, int limit) throws DatabaseUnavailableException, SQLException {
    return orders.latest(userId, limit);
  }

  private static int integer(String field, String text, int min, int max) throws ShopException {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ShopException(400, "bad_request", field + ": \"" + text + "\" must be a whole number from " + min + " to " + max);
  }
}
