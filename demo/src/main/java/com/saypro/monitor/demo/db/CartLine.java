package com.saypro.monitor.demo.db;

/** One line of a cart or order. */
public record CartLine(long productId, String name, int quantity, long unitPriceCents) {
  public long totalCents() {
    return quantity * unitPriceCents;
  }
}
