package com.saypro.monitor.database.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The demo marketplace schema files in {@code demo/schema/}, found from the module folder. */
public final class DemoSchema {
  private DemoSchema() {}

  public static String postgresql() {
    return read("postgresql.sql");
  }

  public static String mysql() {
    return read("mysql.sql");
  }

  private static String read(String name) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("demo/schema"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("demo/schema not found above " + Path.of("").toAbsolutePath());
    }
    try {
      return Files.readString(dir.resolve("demo/schema").resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
