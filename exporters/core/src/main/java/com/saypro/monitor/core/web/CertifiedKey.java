package com.saypro.monitor.core.web;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** The server's private key and its certificate chain (leaf first), checked to belong together. */
record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {
  CertifiedKey {
    chain = List.copyOf(chain);
  }

  X509Certificate leaf() {
    return chain.get(0);
  }

  @Override
  public String toString() {
    return "CertifiedKey[subject=" + leaf().getSubjectX500Principal().getName()
        + ", chain=" + chain.size() + ", key=<" + key.getAlgorithm() + " private key>]";
  }
}
