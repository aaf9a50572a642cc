package com.saypro.monitor.demo.faults;

/**
 * What the active faults do to one request: a delay first, then perhaps a failure instead of the
 * normal answer.
 *
 * @param failure the fault that decides the answer (error, decline, timeout, down), or null
 */
public record Decision(int latencyMs, Fault failure) {
  public static final Decision NONE = new Decision(0, null);

  public boolean fails() {
    return failure != null;
  }

  public boolean is(FaultType type) {
    return failure != null && failure.type() == type;
  }
}
