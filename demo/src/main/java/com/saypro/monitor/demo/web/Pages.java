package com.saypro.monitor.demo.web;

import static com.saypro.monitor.core.http.Html.escape;

import com.saypro.monitor.demo.db.CartLine;
import com.saypro.monitor.demo.db.Catalog;
import com.saypro.monitor.demo.db.OrderRow;
import com.saypro.monitor.demo.db.Product;
import com.saypro.monitor.demo.db.ProductPage;
import com.saypro.monitor.demo.db.User;
import java.util.List;

/**
 * The HTML of the site. Plain on purpose: what matters is the markup journeys extract values from
 * (demo/API.md, "Pages"), e.g. {@code data-product-id="12"} and {@code <span id="order-number">}.
 */
final class Pages {
  private Pages() {}

  static String home(Session session) {
    StringBuilder body = new StringBuilder("<h1>SayPro marketplace</h1>\n<form action=\"/search\"><input name=\"q\"><button>Search</button></form>\n<ul>\n");
    for (String category : Catalog.CATEGORIES) {
      body.append("<li><a class=\"category\" href=\"/products?category=").append(category).append("\">")
          .append(category).append("</a></li>\n");
    }
    return page("Home", session, body.append("</ul>\n").toString());
  }

  static String products(String title, ProductPage page, Session session) {
    StringBuilder body = new StringBuilder("<h1>").append(escape(title)).append("</h1>\n<p>")
        .append(page.total()).append(" products</p>\n<ul>\n");
    for (Product product : page.products()) {
      body.append("<li><a class=\"product\" href=\"/products/").append(product.id()).append("\" data-product-id=\"")
          .append(product.id()).append("\">").append(escape(product.name())).append("</a> ")
          .append(money(product.priceCents())).append("</li>\n");
    }
    return page(title, session, body.append("</ul>\n").toString());
  }

  static String product(Product product, Session session) {
    return page(product.name(), session, "<h1>" + escape(product.name()) + "</h1>\n"
        + "<p>SKU " + escape(product.sku()) + ", category " + escape(product.category()) + "</p>\n"
        + "<p>Price <span id=\"price-cents\">" + product.priceCents() + "</span> cents (" + money(product.priceCents()) + ")</p>\n"
        + "<p>In stock: <span id=\"stock\">" + product.stock() + "</span></p>\n"
        + "<form method=\"post\" action=\"/cart/add\"><input type=\"hidden\" name=\"product_id\" value=\"" + product.id() + "\">"
        + "<input name=\"quantity\" value=\"1\"><button>Add to cart</button></form>\n");
  }

  static String cart(List<CartLine> lines, Session session) {
    StringBuilder body = new StringBuilder("<h1>Cart</h1>\n<table>\n");
    long total = 0;
    for (CartLine line : lines) {
      body.append("<tr><td>").append(escape(line.name())).append("</td><td>").append(line.quantity())
          .append("</td><td>").append(money(line.totalCents())).append("</td></tr>\n");
      total += line.totalCents();
    }
    body.append("</table>\n<p>Total <span id=\"cart-total-cents\">").append(total).append("</span> cents</p>\n")
        .append("<form method=\"post\" action=\"/checkout\"><button>Check out</button></form>\n");
    return page("Cart", session, body.toString());
  }

  static String checkout(String orderNumber, long totalCents, Session session) {
    return page("Order placed", session, "<h1>Order placed</h1>\n"
        + "<p>Order <span id=\"order-number\">" + escape(orderNumber) + "</span>, total <span id=\"order-total-cents\">"
        + totalCents + "</span> cents</p>\n"
        + "<form method=\"post\" action=\"/pay\"><input type=\"hidden\" name=\"order_number\" value=\"" + escape(orderNumber) + "\">"
        + "<select name=\"gateway\"><option>sandbox</option><option>cardpay</option><option>walletpay</option></select>"
        + "<button>Pay</button></form>\n");
  }

  static String payment(PaymentOutcome outcome, Session session) {
    boolean ok = outcome.charge().succeeded();
    return page(ok ? "Paid" : "Payment failed", session, "<h1>" + (ok ? "Thank you" : "Payment failed") + "</h1>\n"
        + "<p>Order <span id=\"order-number\">" + escape(outcome.order().orderNumber()) + "</span>: "
        + "<span id=\"payment-status\">" + (ok ? "succeeded" : "failed") + "</span>"
        + (ok ? "" : " (<span id=\"payment-error\">" + escape(outcome.charge().errorCode()) + "</span>)") + "</p>\n");
  }

  static String login(Session session) {
    return page("Log in", session, "<h1>Log in</h1>\n<form method=\"post\" action=\"/login\">"
        + "<input name=\"email\"><input type=\"password\" name=\"password\"><button>Log in</button></form>\n"
        + "<p><a href=\"/register\">Register</a> <a href=\"/password-reset\">Forgot your password?</a></p>\n");
  }

  static String register(Session session) {
    return page("Register", session, "<h1>Register</h1>\n<form method=\"post\" action=\"/register\">"
        + "<input name=\"email\"><input name=\"display_name\"><input type=\"password\" name=\"password\"><button>Register</button></form>\n");
  }

  static String passwordReset(Session session, boolean requested) {
    return page("Password reset", session, requested
        ? "<h1>Password reset</h1>\n<p id=\"reset-requested\">If the address exists, a mail was sent.</p>\n"
        : "<h1>Password reset</h1>\n<form method=\"post\" action=\"/password-reset\"><input name=\"email\"><button>Send</button></form>\n");
  }

  static String account(User user, List<OrderRow> orders, Session session) {
    return page("Account", session, "<h1>Account</h1>\n<p><span id=\"account-email\">" + escape(user.email()) + "</span> ("
        + escape(user.displayName()) + ")</p>\n" + orderTable(orders));
  }

  static String admin(List<OrderRow> orders, Session session) {
    return page("Admin", session, "<h1>Admin: latest orders</h1>\n" + orderTable(orders));
  }

  static String error(int status, String code, String message, Session session) {
    return page("Error " + status, session, "<h1>Error " + status + "</h1>\n<p id=\"error\" data-error=\"" + escape(code) + "\">"
        + escape(message) + "</p>\n");
  }

  private static String orderTable(List<OrderRow> orders) {
    StringBuilder table = new StringBuilder("<table>\n");
    for (OrderRow order : orders) {
      table.append("<tr><td class=\"order-number\">").append(escape(order.orderNumber())).append("</td><td>")
          .append(escape(order.status())).append("</td><td>").append(money(order.totalCents())).append("</td></tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String money(long cents) {
    return String.format(java.util.Locale.ROOT, "$%d.%02d", cents / 100, cents % 100);
  }

  private static String page(String title, Session session, String body) {
    String who = session != null && session.loggedIn()
        ? escape(session.email()) + " <form method=\"post\" action=\"/logout\" style=\"display:inline\"><button>Log out</button></form>"
        : "<a href=\"/login\">Log in</a>";
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + " - SayPro</title></head><body>\n"
        + "<nav><a href=\"/\">Home</a> <a href=\"/cart\">Cart</a> <a href=\"/account\">Account</a> " + who + "</nav>\n"
        + body + "</body></html>\n";
  }
}
