package com.saypro.monitor.demo.db;

/** The outcome of a checkout: an order placed, or why not. */
public record CheckoutResult(Outcome outcome, String orderNumber, long totalCents, String productName) {
  /** Why a checkout ended as it did. */
  public enum Outcome {
    PLACED,
    EMPTY_CART,
    OUT_OF_STOCK
  }

  static CheckoutResult placed(String orderNumber, long totalCents) {
    return new CheckoutResult(Outcome.PLACED, orderNumber, totalCents, null);
  }

  static CheckoutResult refused(Outcome outcome, String productName) {
    return new CheckoutResult(outcome, null, 0, productName);
  }
}
