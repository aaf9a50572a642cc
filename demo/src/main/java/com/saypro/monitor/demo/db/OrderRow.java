package com.saypro.monitor.demo.db;

/** An order as the payment and account pages need it. */
public record OrderRow(long id, String orderNumber, Long userId, String status, long totalCents) {
  /** Placed orders, and orders whose earlier payment failed, can be paid. */
  public boolean payable() {
    return status.equals("placed") || status.equals("failed");
  }
}
