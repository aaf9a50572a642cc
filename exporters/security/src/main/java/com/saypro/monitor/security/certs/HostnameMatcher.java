package com.saypro.monitor.security.certs;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * RFC 6125 name matching as browsers do it: DNS names of the subject alternative names, a wildcard only as the
 * whole left-most label ({@code *.example.com} matches {@code shop.example.com}, not {@code a.b.example.com}
 * nor {@code example.com}); IP addresses against IP SANs; the subject CN only when there is no DNS SAN.
 */
final class HostnameMatcher {

    private HostnameMatcher() {
    }

    static boolean matches(X509Certificate cert, String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        String name = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        List<String> dnsNames = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == 2) {
                        dnsNames.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
                    } else if (type == 7) {
                        ips.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (isIpAddress(name)) {
            for (String ip : ips) {
                if (sameAddress(ip, name)) {
                    return true;
                }
            }
            return false;
        }
        if (dnsNames.isEmpty()) {
            String cn = commonName(cert);
            return cn != null && dnsMatch(cn.toLowerCase(Locale.ROOT), name);
        }
        return dnsNames.stream().anyMatch(pattern -> dnsMatch(pattern, name));
    }

    static boolean dnsMatch(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(pattern.substring(1)) && pattern.indexOf('.', 2) > 0;
        }
        return pattern.equals(name);
    }

    private static boolean isIpAddress(String name) {
        return name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // both are literals: no lookup happens
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
