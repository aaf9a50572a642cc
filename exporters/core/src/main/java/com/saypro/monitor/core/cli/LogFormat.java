package com.saypro.monitor.core.cli;

/** How log lines are written: {@code logfmt} (Go exporters' default) or one JSON object per line. */
public enum LogFormat {
  LOGFMT,
  JSON
}
