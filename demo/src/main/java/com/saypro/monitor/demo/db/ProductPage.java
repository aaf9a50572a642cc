package com.saypro.monitor.demo.db;

import java.util.List;

/** One page of products and how many match in all. */
public record ProductPage(List<Product> products, int total) {}
