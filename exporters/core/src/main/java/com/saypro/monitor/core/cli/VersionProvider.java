package com.saypro.monitor.core.cli;

import com.saypro.monitor.core.exporter.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version, the source revision and the Java runtime. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    BuildInfo build = BuildInfo.current();
    return new String[] {
      "saypro-monitor, version " + build.version() + " (revision: " + build.revision() + ")",
      "  java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
