package com.saypro.monitor.demo.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The route classes of the marketplace (demo/API.md): what faults are set on and what the log
 * events name. Decided from the path alone, so the front, the backends and a log reader agree.
 */
public enum RouteClass {
  HOME,
  SEARCH,
  PRODUCT_LISTING,
  PRODUCT,
  CART,
  CHECKOUT,
  PAYMENT,
  LOGIN,
  ACCOUNT,
  /** {@code /healthz}: never faulted. */
  HEALTH,
  /** Unknown paths: 404, never faulted. */
  OTHER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean faultable() {
    return this != HEALTH && this != OTHER;
  }

  /** The labels a fault can target. */
  public static List<String> faultableLabels() {
    return Arrays.stream(values()).filter(RouteClass::faultable).map(RouteClass::label).toList();
  }

  /** Whether failures of this class are logged as {@code product_listing_error}. */
  public boolean isCatalog() {
    return this == SEARCH || this == PRODUCT_LISTING || this == PRODUCT;
  }

  public static RouteClass of(String path) {
    String p = path.startsWith("/api/") ? path.substring(4) : path;
    if (path.equals("/")) {
      return HOME;
    }
    if (path.equals("/healthz")) {
      return HEALTH;
    }
    return switch (p) {
      case "/search" -> SEARCH;
      case "/products" -> PRODUCT_LISTING;
      case "/cart", "/cart/add", "/cart/items" -> CART;
      case "/checkout" -> CHECKOUT;
      case "/pay", "/payments" -> PAYMENT;
      case "/login", "/logout" -> LOGIN;
      case "/account", "/register", "/password-reset", "/admin", "/admin/orders" -> ACCOUNT;
      default -> p.startsWith("/products/") && p.length() > "/products/".length() && p.indexOf('/', 10) < 0
          ? PRODUCT : OTHER;
    };
  }
}
