package com.saypro.monitor.demo.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sessions by cookie value, shared by the backends (as a real deployment shares them through a
 * store). Bounded: past {@code capacity} the least recently used session is dropped, so a traffic
 * generator cannot grow the heap without end.
 */
public final class Sessions {
  public static final String COOKIE = "SAYPRO_SESSION";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions;

  public Sessions(int capacity) {
    this.sessions = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Session> eldest) {
        return size() > capacity;
      }
    };
  }

  public synchronized Optional<Session> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(sessions.get(id));
  }

  public synchronized Session create() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    sessions.put(session.id(), session);
    return session;
  }

  public static String setCookie(Session session) {
    return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Lax";
  }
}
