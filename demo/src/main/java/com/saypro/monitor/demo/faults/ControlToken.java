package com.saypro.monitor.demo.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bearer token of the fault API. Compared in constant time; never logged, never echoed:
 * {@link #toString()} hides it and {@link #origin()} says only where it came from.
 */
public final class ControlToken {
  public static final String ENV = "SAYPRO_DEMO_FAULT_TOKEN";

  private final byte[] token;
  private final String origin;

  private ControlToken(String token, String origin) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.origin = origin;
  }

  public static ControlToken of(String token, String origin) {
    if (token.isBlank()) {
      throw new IllegalArgumentException("the fault API token from " + origin + " is empty");
    }
    return new ControlToken(token.strip(), origin);
  }

  /**
   * The token from {@code tokenFile} if given, else from the environment, else a new random one
   * written to {@code generatedFile} (mode 600), reused on the next start.
   */
  public static ControlToken resolve(Optional<Path> tokenFile, Function<String, String> env, Path generatedFile)
      throws IOException {
    if (tokenFile.isPresent()) {
      return of(Files.readString(tokenFile.get(), StandardCharsets.UTF_8), tokenFile.get().toString());
    }
    String fromEnv = env.apply(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return of(fromEnv, "the environment variable " + ENV);
    }
    if (Files.isRegularFile(generatedFile)) {
      return of(Files.readString(generatedFile, StandardCharsets.UTF_8), generatedFile.toString());
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path parent = generatedFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // created owner-only before the token is written, so it is never readable by others, not even briefly
    Files.deleteIfExists(generatedFile);
    try {
      Files.createFile(generatedFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(generatedFile); // not a POSIX file system: its default permissions apply
    }
    Files.writeString(generatedFile, token + "\n", StandardCharsets.UTF_8);
    return new ControlToken(token, generatedFile + " (generated)");
  }

  /** Whether an {@code Authorization} header carries this token. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] offered = authorizationHeader.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(offered, token);
  }

  /** Where the token came from (a path or the variable's name), for the start-up line. */
  public String origin() {
    return origin;
  }

  @Override
  public String toString() {
    return "<secret>";
  }
}
