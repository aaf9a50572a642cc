package com.saypro.monitor.logengine.parse;

/**
 * The parts of nginx's {@code $request} ("GET /cart?id=1 HTTP/1.1"). The path loses its query string: it is the
 * part that routes classify, and query strings are unbounded user input.
 */
record RequestLine(String method, String path, String protocol) {

    static final RequestLine NONE = new RequestLine(null, null, null);

    static RequestLine parse(String request) {
        if (request == null || request.isEmpty() || request.equals("-")) {
            return NONE;
        }
        int firstSpace = request.indexOf(' ');
        if (firstSpace < 0) {
            return new RequestLine(null, pathOf(request), null); // garbage such as a bare TLS handshake
        }
        int lastSpace = request.lastIndexOf(' ');
        String method = request.substring(0, firstSpace);
        if (lastSpace == firstSpace) {
            return new RequestLine(method, pathOf(request.substring(firstSpace + 1)), null); // HTTP/0.9
        }
        return new RequestLine(method, pathOf(request.substring(firstSpace + 1, lastSpace)),
                request.substring(lastSpace + 1));
    }

    /** Drops the query string and fragment. */
    static String pathOf(String uri) {
        int end = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return uri.substring(0, end);
    }
}
