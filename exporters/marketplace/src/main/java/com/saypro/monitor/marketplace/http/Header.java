package com.saypro.monitor.marketplace.http;

/** One HTTP header line as sent or received. */
public record Header(String name, String value) {}
