package com.saypro.monitor.demo.db;

/** A user row; {@code passwordHash} never leaves the server. */
public record User(long id, String email, String passwordHash, String displayName, boolean admin) {
  @Override
  public String toString() {
    return "User[" + id + ", " + email + "]";
  }
}
