package com.saypro.monitor.demo.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.saypro.monitor.demo.web.HttpIo;
import java.time.Instant;

/** A fault as the control API shows it. */
final class FaultJson {
  private FaultJson() {}

  static ObjectNode of(Fault fault, Instant now) {
    ObjectNode node = HttpIo.object();
    node.put("id", fault.id());
    node.put("target", fault.target());
    node.put("type", fault.type().label());
    switch (fault.type()) {
      case LATENCY -> node.put("latency_ms", fault.latencyMs());
      case ERROR -> node.put("status", fault.status());
      case DECLINE -> node.put("error_code", fault.errorCode());
      case DOWN -> node.put("mode", fault.mode().label());
      default -> { }
    }
    if (fault.type() != FaultType.DOWN) {
      node.put("rate", fault.rate());
    }
    if (fault.gateway() != null) {
      node.put("gateway", fault.gateway());
    }
    node.put("state", fault.activeAt(now) ? "active" : "scheduled");
    node.put("starts_at", fault.startsAt().toString());
    if (fault.endsAt() == null) {
      node.putNull("ends_at");
    } else {
      node.put("ends_at", fault.endsAt().toString());
    }
    return node;
  }
}
