package com.saypro.monitor.core.web;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a PEM block comes from: a file ({@code cert_file}) or the config itself ({@code cert}),
 * with the place in the web config to name in errors. The content is read anew at every load, so a
 * reload picks up a rotated certificate; it never appears in a message.
 *
 * @param where {@code web-config.yml:3: tls_server_config.cert_file}
 * @param written the path as written in the config (empty for inline PEM)
 */
record PemSource(String where, String written, Optional<Path> file, Optional<Secret> inline) {
  private static final long MAX_BYTES = 1024 * 1024;

  static PemSource file(String where, String written, Path resolved) {
    return new PemSource(where, written, Optional.of(resolved), Optional.empty());
  }

  static PemSource inline(String where, Secret pem) {
    return new PemSource(where, "", Optional.empty(), Optional.of(pem));
  }

  String read() throws ConfigException {
    if (inline.isPresent()) {
      return inline.get().reveal();
    }
    Path path = file.orElseThrow();
    try {
      if (Files.isDirectory(path)) {
        throw error("is a directory, not a PEM file");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw error("is larger than 1 MiB: not a PEM file");
      }
      return Files.readString(path, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw error("does not exist (looked for " + path + ")");
    } catch (IOException e) {
      throw error("cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** An error about this source: {@code where: "server.crt" problem} (for inline PEM: {@code where: problem}). */
  ConfigException error(String problem) {
    return new ConfigException(file.isPresent() ? where + ": \"" + written + "\" " + problem : where + ": " + problem);
  }

  @Override
  public String toString() {
    return file.map(Path::toString).orElse("<inline PEM>");
  }
}
