package com.saypro.monitor.demo;

import com.saypro.monitor.demo.faults.FaultBook;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a listener while a "down, refused" fault is active on its target and opens it again,
 * on the same port, when the fault ends. Run after every fault change and on a short tick, so
 * scheduled faults take effect on time.
 */
final class ListenerSwitch {
  private static final Logger log = LoggerFactory.getLogger(ListenerSwitch.class);

  private final String target;
  private final ServerConnector connector;
  private final FaultBook faults;
  private int port;

  ListenerSwitch(String target, ServerConnector connector, FaultBook faults) {
    this.target = target;
    this.connector = connector;
    this.faults = faults;
  }

  synchronized void reconcile() {
    boolean refuse = faults.refused(target);
    try {
      if (refuse && connector.isRunning()) {
        port = connector.getLocalPort();
        connector.stop();
        log.info("{} listener closed (fault: down, refused)", target);
      } else if (!refuse && !connector.isRunning()) {
        connector.setPort(port); // a port 0 listener must come back where clients expect it
        connector.start();
        log.info("{} listener open again on port {}", target, connector.getLocalPort());
      }
    } catch (Exception e) {
      log.error("could not switch the {} listener: {}", target, e.toString());
    }
  }
}
