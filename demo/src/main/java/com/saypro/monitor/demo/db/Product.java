package com.saypro.monitor.demo.db;

/** A product; {@code stock} is -1 where the query did not read the inventory. */
public record Product(long id, String sku, String name, String category, long priceCents, int stock) {}
