package com.saypro.monitor.logengine.config;

import com.saypro.monitor.logengine.rules.FieldDerivation;
import com.saypro.monitor.logengine.rules.RouteClassifier;
import java.util.List;
import java.util.Map;

/**
 * Fields every nginx-format source gets without asking: {@code route} (the route class of {@code path}),
 * {@code status_class}, a bounded {@code method} (unknown methods, such as the bytes of a TLS handshake sent to
 * a plain-HTTP port, become {@code other}), and {@code upstream} / {@code upstream_time}: the last entry of
 * {@code $upstream_addr} / {@code $upstream_response_time}, the upstream that produced the response.
 */
public final class StandardFields {

    private static final Map<String, String> METHODS = Map.of("GET", "GET", "HEAD", "HEAD", "POST", "POST",
            "PUT", "PUT", "DELETE", "DELETE", "PATCH", "PATCH", "OPTIONS", "OPTIONS", "CONNECT", "CONNECT",
            "TRACE", "TRACE");

    private StandardFields() {
    }

    public static List<FieldDerivation> nginx(RouteClassifier routes) {
        return List.of(
                FieldDerivation.route("route", "path", routes),
                FieldDerivation.statusClass("status_class", "status"),
                FieldDerivation.lookup("method", "method", METHODS, "other"),
                FieldDerivation.lastListItem("upstream", "upstream_addr"),
                FieldDerivation.lastListItem("upstream_time", "upstream_response_time"));
    }
}
