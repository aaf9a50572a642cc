package com.saypro.monitor.demo;

import com.saypro.monitor.core.http.ListenAddress;
import java.nio.file.Path;
import java.util.Optional;

/** Command-line values that override the config file (flags win). */
public record DemoFlags(
    Optional<String> dbUrl,
    Optional<String> dbUser,
    Optional<Path> dbPasswordFile,
    Optional<ListenAddress> listenAddress,
    Optional<Path> dataDir,
    Optional<Path> tokenFile) {

  public static DemoFlags none() {
    return new DemoFlags(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
