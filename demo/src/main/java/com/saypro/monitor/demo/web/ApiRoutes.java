package com.saypro.monitor.demo.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.demo.db.CartLine;
import com.saypro.monitor.demo.db.Catalog;
import com.saypro.monitor.demo.db.CheckoutResult;
import com.saypro.monitor.demo.db.DatabaseUnavailableException;
import com.saypro.monitor.demo.db.OrderRow;
import com.saypro.monitor.demo.db.Product;
import com.saypro.monitor.demo.db.ProductPage;
import com.saypro.monitor.demo.db.User;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The JSON API under {@code /api/} (demo/API.md, "JSON API"). */
final class ApiRoutes {
  private final Shop shop;
  private final AccountFlows accounts;
  private final ShopEvents events;

  ApiRoutes(Shop shop, AccountFlows accounts, ShopEvents events) {
    this.shop = shop;
    this.accounts = accounts;
    this.events = events;
  }

  void handle(Call call) throws ShopException, DatabaseUnavailableException, SQLException {
    String path = call.path;
    if (call.is("GET", "/api/search")) {
      String q = call.query().get("q");
      ObjectNode body = HttpIo.object();
      ProductPage page = shop.search(q);
      body.put("query", q.strip());
      body.put("total", page.total());
      products(body.putArray("results"), page);
      call.json(200, body);
    } else if (call.is("GET", "/api/products")) {
      Map<String, String> query = call.query();
      ProductPage page = shop.list(query.get("category"), query.get("page"));
      ObjectNode body = HttpIo.object();
      body.put("category", query.getOrDefault("category", Catalog.CATEGORIES.get(0)));
      body.put("page", query.getOrDefault("page", "1").isEmpty() ? 1 : Integer.parseInt(query.getOrDefault("page", "1")));
      body.put("page_size", Catalog.PAGE_SIZE);
      body.put("total", page.total());
      products(body.putArray("results"), page);
      call.json(200, body);
    } else if (call.method.equals("GET") && call.route == RouteClass.PRODUCT) {
      Product product = shop.product(path.substring("/api/products/".length()));
      ObjectNode body = product(HttpIo.object(), product);
      body.put("stock", product.stock());
      call.json(200, body);
    } else if (call.is("GET", "/api/cart")) {
      call.json(200, cart(shop.cart(call.session)));
    } else if (call.is("POST", "/api/cart/items")) {
      JsonNode body = call.jsonBody();
      shop.addToCart(call.session, Call.text(body, "product_id"), Call.text(body, "quantity"));
      call.json(200, cart(shop.cart(call.session)));
    } else if (call.is("POST", "/api/checkout")) {
      call.jsonBody();
      CheckoutResult result = shop.checkout(call.session);
      ObjectNode body = HttpIo.object();
      body.put("order_number", result.orderNumber());
      body.put("status", "placed");
      body.put("total_cents", result.totalCents());
      call.json(201, body);
    } else if (call.is("POST", "/api/payments")) {
      JsonNode request = call.jsonBody();
      PaymentOutcome outcome = shop.pay(Call.text(request, "order_number"), Call.text(request, "gateway"));
      events.payment(outcome);
      ObjectNode body = HttpIo.object();
      if (!outcome.charge().succeeded()) {
        body.put("error", "payment_failed");
        body.put("message", "the payment failed: " + outcome.charge().errorCode());
      }
      body.put("order_number", outcome.order().orderNumber());
      body.put("status", outcome.charge().succeeded() ? "succeeded" : "failed");
      body.put("gateway", outcome.gateway());
      if (outcome.charge().succeeded()) {
        body.put("payment_id", outcome.paymentId());
      } else {
        body.put("error_code", outcome.charge().errorCode());
      }
      call.json(outcome.charge().succeeded() ? 200 : outcome.charge().failureStatus(), body);
    } else if (call.is("POST", "/api/login")) {
      JsonNode request = call.jsonBody();
      User user = accounts.logIn(call.session, Call.text(request, "email"), Call.text(request, "password"), call.clientIp);
      call.json(200, user(user));
    } else if (call.is("POST", "/api/logout")) {
      call.session.logOut();
      ObjectNode body = HttpIo.object();
      body.put("logged_out", true);
      call.json(200, body);
    } else if (call.is("GET", "/api/account")) {
      User user = shop.currentUser(call.session)
          .orElseThrow(() -> new ShopException(401, "unauthorized", "log in first"));
      call.json(200, account(user));
    } else if (call.is("POST", "/api/register")) {
      JsonNode request = call.jsonBody();
      User user = accounts.register(call.session, Call.text(request, "email"), Call.text(request, "password"),
          Call.text(request, "display_name"), call.clientIp);
      call.json(201, account(user));
    } else if (call.is("POST", "/api/password-reset")) {
      accounts.passwordReset(Call.text(call.jsonBody(), "email"), call.clientIp);
      ObjectNode body = HttpIo.object();
      body.put("requested", true);
      call.json(200, body);
    } else if (call.is("GET", "/api/admin/orders")) {
      accounts.requireAdmin(call.session, path, call.clientIp);
      ObjectNode body = HttpIo.object();
      orders(body.putArray("orders"), shop.orders(null, 50));
      call.json(200, body);
    } else {
      throw new ShopException(404, "not_found", call.method + " " + path + " is not part of the API");
    }
  }

  private ObjectNode account(User user) throws DatabaseUnavailableException, SQLException {
    ObjectNode body = user(user);
    orders(body.putArray("orders"), shop.orders(user.id(), 20));
    return body;
  }

  private static ObjectNode user(User user) {
    ObjectNode body = HttpIo.object();
    body.put("email", user.email());
    body.put("display_name", user.displayName());
    body.put("is_admin", user.admin());
    return body;
  }

  private static void orders(ArrayNode array, List<OrderRow> orders) {
    for (OrderRow order : orders) {
      ObjectNode item = array.addObject();
      item.put("order_number", order.orderNumber());
      item.put("status", order.status());
      item.put("total_cents", order.totalCents());
    }
  }

  private static ObjectNode cart(List<CartLine> lines) {
    ObjectNode body = HttpIo.object();
    ArrayNode items = body.putArray("items");
    long total = 0;
    for (CartLine line : lines) {
      ObjectNode item = items.addObject();
      item.put("product_id", line.productId());
      item.put("name", line.name());
      item.put("quantity", line.quantity());
      item.put("unit_price_cents", line.unitPriceCents());
      total += line.totalCents();
    }
    body.put("total_cents", total);
    return body;
  }

  private static void products(ArrayNode array, ProductPage page) {
    for (Product product : page.products()) {
      product(array.addObject(), product);
    }
  }

  private static ObjectNode product(ObjectNode node, Product product) {
    node.put("id", product.id());
    node.put("sku", product.sku());
    node.put("name", product.name());
    node.put("category", product.category());
    node.put("price_cents", product.priceCents());
    node.put("url", "/products/" + product.id());
    return node;
  }
}
