package com.saypro.monitor.demo;

import com.saypro.monitor.core.http.ListenAddress;
import com.saypro.monitor.demo.db.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the demo needs to start, read and checked before anything opens.
 *
 * @param backends the backend instances' addresses ({@code backend-1} first)
 * @param gatewayTimeout how long a backend waits for the payment gateway
 * @param gatewayHang how long the gateway holds a charge under a "timeout" fault
 * @param tokenFile the fault API token file, if configured
 */
public record DemoConfig(
    ListenAddress front,
    List<ListenAddress> backends,
    ListenAddress gateway,
    Duration gatewayTimeout,
    Duration gatewayHang,
    ListenAddress control,
    Optional<Path> tokenFile,
    DatabaseSettings database,
    Path dataDir,
    Path accessLog,
    Path appLog) {

  public static final int FRONT_PORT = 8480;
  public static final int CONTROL_PORT = 8481;
  public static final int GATEWAY_PORT = 8482;
  public static final List<Integer> BACKEND_PORTS = List.of(8491, 8492, 8493);

  public Path generatedTokenFile() {
    return dataDir.resolve("fault-token");
  }

  /** The same config with every listener on a free loopback port (tests, side-by-side runs). */
  public DemoConfig onFreePorts() {
    ListenAddress free = new ListenAddress("127.0.0.1", 0);
    return new DemoConfig(free, backends.stream().map(b -> free).toList(), free, gatewayTimeout, gatewayHang, free,
        tokenFile, database, dataDir, accessLog, appLog);
  }

  public DemoConfig withDatabase(DatabaseSettings settings) {
    return new DemoConfig(front, backends, gateway, gatewayTimeout, gatewayHang, control, tokenFile, settings, dataDir,
        accessLog, appLog);
  }

  public DemoConfig withTokenFile(Path file) {
    return new DemoConfig(front, backends, gateway, gatewayTimeout, gatewayHang, control, Optional.of(file), database,
        dataDir, accessLog, appLog);
  }
}
