package com.saypro.monitor.core.web;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether a client certificate is accepted, as Go's {@code crypto/tls} does for each
 * {@code client_auth_type}: verified against {@code client_ca_file} (Verify* types) or taken as
 * presented (RequestClientCert, RequireAnyClientCert), then, when {@code client_allowed_sans} is
 * set, required to name one of those SANs (DNS, e-mail, IP or URI, compared exactly).
 */
final class ClientCertificateTrust extends X509ExtendedTrustManager {
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final Optional<X509ExtendedTrustManager> verifier;
  private final List<String> allowedSans;

  private ClientCertificateTrust(Optional<X509ExtendedTrustManager> verifier, List<String> allowedSans) {
    this.verifier = verifier;
    this.allowedSans = List.copyOf(allowedSans);
  }

  /** The trust managers for {@code settings}. */
  static TrustManager[] forSettings(TlsSettings settings) throws GeneralSecurityException {
    Optional<X509ExtendedTrustManager> verifier = Optional.empty();
    if (settings.clientAuth().verifiesCertificate()) {
      verifier = Optional.of(pkix(settings.clientCas()));
    }
    return new TrustManager[] {new ClientCertificateTrust(verifier, settings.clientAllowedSans())};
  }

  private static X509ExtendedTrustManager pkix(List<X509Certificate> cas) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory trust store", e);
    }
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("client-ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return extended;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager available");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    if (verifier.isPresent()) {
      verifier.get().checkClientTrusted(chain, authType, engine);
    }
    checkSans(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    if (verifier.isPresent()) {
      verifier.get().checkClientTrusted(chain, authType, socket);
    }
    checkSans(chain);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (verifier.isPresent()) {
      verifier.get().checkClientTrusted(chain, authType);
    }
    checkSans(chain);
  }

  /** The CAs named in the certificate request; none when any certificate will do (as in Go). */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return verifier.map(X509ExtendedTrustManager::getAcceptedIssuers).orElse(new X509Certificate[0]);
  }

  private void checkSans(X509Certificate[] chain) throws CertificateException {
    if (allowedSans.isEmpty()) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate to match against client_allowed_sans");
    }
    for (String san : sans(chain[0])) {
      for (String allowed : allowedSans) {
        if (san.equals(allowed) || sameIp(san, allowed)) {
          return;
        }
      }
    }
    throw new CertificateException("the client certificate names none of client_allowed_sans");
  }

  private static List<String> sans(X509Certificate certificate) throws CertificateParsingException {
    List<String> values = new ArrayList<>();
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    if (names != null) {
      for (List<?> name : names) {
        int type = (Integer) name.get(0);
        if ((type == 1 || type == 2 || type == 6 || type == 7) && name.get(1) instanceof String value) {
          values.add(value); // rfc822Name, dNSName, URI, iPAddress: the SAN kinds Go compares
        }
      }
    }
    return values;
  }

  /** Java writes IPv6 SANs in full ({@code 0:0:0:0:0:0:0:1}), Go and users compressed ({@code ::1}). */
  private static boolean sameIp(String a, String b) {
    if (!IP_LITERAL.matcher(a).matches() || !IP_LITERAL.matcher(b).matches()) {
      return false; // never resolve a host name here
    }
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this trust manager checks clients only");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this trust manager checks clients only");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("this trust manager checks clients only");
  }
}
