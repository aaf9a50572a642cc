package com.saypro.monitor.demo.faults;

/** A fault request the control API refuses (400), with a message naming the field. */
public final class BadFaultRequest extends Exception {
  public BadFaultRequest(String message) {
    super(message);
  }
}
