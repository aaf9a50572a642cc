package com.saypro.monitor.demo.web;

import com.saypro.monitor.demo.db.CheckoutResult;
import com.saypro.monitor.demo.db.DatabaseUnavailableException;
import com.saypro.monitor.demo.db.User;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The HTML pages (demo/API.md, "Pages"). */
final class PageRoutes {
  private final Shop shop;
  private final AccountFlows accounts;
  private final ShopEvents events;

  PageRoutes(Shop shop, AccountFlows accounts, ShopEvents events) {
    this.shop = shop;
    this.accounts = accounts;
    this.events = events;
  }

  void handle(Call call) throws ShopException, DatabaseUnavailableException, SQLException {
    Session session = call.session;
    if (call.is("GET", "/")) {
      call.html(200, Pages.home(session));
    } else if (call.is("GET", "/search")) {
      String q = call.query().get("q");
      call.html(200, Pages.products("Search: " + (q == null ? "" : q), shop.search(q), session));
    } else if (call.is("GET", "/products")) {
      Map<String, String> query = call.query();
      String category = query.getOrDefault("category", "lamps");
      call.html(200, Pages.products("Category: " + category, shop.list(category, query.get("page")), session));
    } else if (call.method.equals("GET") && call.route == RouteClass.PRODUCT) {
      call.html(200, Pages.product(shop.product(call.path.substring("/products/".length())), session));
    } else if (call.is("GET", "/cart")) {
      call.html(200, Pages.cart(shop.cart(session), session));
    } else if (call.is("POST", "/cart/add")) {
      Map<String, String> form = call.form();
      shop.addToCart(session, form.get("product_id"), form.get("quantity"));
      call.redirect("/cart");
    } else if (call.is("POST", "/checkout")) {
      call.form();
      CheckoutResult result = shop.checkout(session);
      call.html(200, Pages.checkout(result.orderNumber(), result.totalCents(), session));
    } else if (call.is("POST", "/pay")) {
      Map<String, String> form = call.form();
      PaymentOutcome outcome = shop.pay(form.get("order_number"), form.get("gateway"));
      events.payment(outcome);
      call.html(outcome.charge().succeeded() ? 200 : outcome.charge().failureStatus(), Pages.payment(outcome, session));
    } else if (call.is("GET", "/login")) {
      call.html(200, Pages.login(session));
    } else if (call.is("POST", "/login")) {
      Map<String, String> form = call.form();
      User user = accounts.logIn(session, form.get("email"), form.get("password"), call.clientIp);
      call.redirect(user.admin() ? "/admin" : "/account");
    } else if (call.is("POST", "/logout")) {
      session.logOut();
      call.redirect("/");
    } else if (call.is("GET", "/account")) {
      Optional<User> user = shop.currentUser(session);
      if (user.isEmpty()) {
        call.redirect("/login");
      } else {
        call.html(200, Pages.account(user.get(), shop.orders(user.get().id(), 20), session));
      }
    } else if (call.is("GET", "/register")) {
      call.html(200, Pages.register(session));
    } else if (call.is("POST", "/register")) {
      Map<String, String> form = call.form();
      accounts.register(session, form.get("email"), form.get("password"), form.get("display_name"), call.clientIp);
      call.redirect("/account");
    } else if (call.is("GET", "/password-reset")) {
      call.html(200, Pages.passwordReset(session, false));
    } else if (call.is("POST", "/password-reset")) {
      accounts.passwordReset(call.form().get("email"), call.clientIp);
      call.html(200, Pages.passwordReset(session, true));
    } else if (call.is("GET", "/admin")) {
      try {
        accounts.requireAdmin(session, call.path, call.clientIp);
      } catch (ShopException e) {
        if (e.status() == 401) {
          call.redirect("/login");
          return;
        }
        throw e;
      }
      call.html(200, Pages.admin(shop.orders(null, 50), session));
    } else {
      throw new ShopException(404, "not_found", "no page " + call.method + " " + call.path);
    }
  }
}
