package com.saypro.monitor.demo.web;

/** One visitor's state: who is logged in and which cart is theirs. Shared by every backend. */
public final class Session {
  private final String id;
  private Long userId;
  private String email;
  private boolean admin;
  private Long cartId;

  Session(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public synchronized Long userId() {
    return userId;
  }

  public synchronized String email() {
    return email;
  }

  public synchronized boolean admin() {
    return admin;
  }

  public synchronized boolean loggedIn() {
    return userId != null;
  }

  public synchronized Long cartId() {
    return cartId;
  }

  public synchronized void cart(Long id) {
    this.cartId = id;
  }

  public synchronized void logIn(long userId, String email, boolean admin) {
    this.userId = userId;
    this.email = email;
    this.admin = admin;
  }

  public synchronized void logOut() {
    this.userId = null;
    this.email = null;
    this.admin = false;
    this.cartId = null;
  }
}
