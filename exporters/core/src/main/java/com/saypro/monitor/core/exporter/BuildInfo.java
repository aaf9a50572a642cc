package com.saypro.monitor.core.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and source revision this build was made from (filtered in by Maven). */
public record BuildInfo(String version, String revision) {
  private static final BuildInfo CURRENT = load();

  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/com/saypro/monitor/core/build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": the build info is informative, never a reason to fail
    }
    return new BuildInfo(
        clean(properties.getProperty("version")), clean(properties.getProperty("revision")));
  }

  private static String clean(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
  }
}
