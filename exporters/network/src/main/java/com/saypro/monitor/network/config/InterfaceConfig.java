package com.saypro.monitor.network.config;

import com.google.re2j.Pattern;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which interfaces of {@code /proc/net/dev} are reported, and their link speeds in bytes per second
 * (configured, or read from {@code /sys/class/net/IF/speed} when the driver reports one).
 */
public record InterfaceConfig(
    Pattern include, Pattern exclude, Map<String, Double> speeds, boolean sysfsSpeed, Path procNetDev, Path sysClassNet) {
  public boolean reported(String name) {
    return include.matches(name) && !exclude.matches(name);
  }
}
