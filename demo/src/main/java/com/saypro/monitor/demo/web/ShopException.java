package com.saypro.monitor.demo.web;

/** A request the shop refuses, with the status and error code of demo/API.md. */
public final class ShopException extends Exception {
  private final int status;
  private final String code;

  public ShopException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
