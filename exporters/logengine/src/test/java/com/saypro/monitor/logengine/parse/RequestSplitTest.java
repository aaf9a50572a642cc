package com.saypro.monitor.logengine.parse;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Method, path and protocol found as bounds in the line (no {@code $request} String made) equal a plain split of
 * the request's String, on random requests: odd spacing, query strings, fragments, {@code -}, empty, garbage, and
 * the fallback to {@code $request_uri} when the request gives no path.
 */
class RequestSplitTest {

    private static final LineParser WITH_URI = NginxLogFormat.compile(
            "$remote_addr [$time_local] \"$request\" $status \"$request_uri\" $request_time").parser();

    /** The reference: the request's String split with String methods, as nginx's own docs describe it. */
    private record Parts(String method, String path, String protocol) {
        static Parts of(String request, String uri) {
            Parts parts = new Parts(null, null, null);
            if (!request.isEmpty() && !request.equals("-")) {
                int firstSpace = request.indexOf(' ');
                int lastSpace = request.lastIndexOf(' ');
                if (firstSpace < 0) {
                    parts = new Parts(null, pathOf(request), null);
                } else if (lastSpace == firstSpace) {
                    parts = new Parts(request.substring(0, firstSpace), pathOf(request.substring(firstSpace + 1)),
                            null);
                } else {
                    parts = new Parts(request.substring(0, firstSpace),
                            pathOf(request.substring(firstSpace + 1, lastSpace)), request.substring(lastSpace + 1));
                }
            }
            if (parts.path == null && !uri.equals("-")) {
                parts = new Parts(parts.method, pathOf(uri), parts.protocol);
            }
            return parts;
        }

        private static String pathOf(String uri) {
            String path = uri;
            int query = path.indexOf('?');
            if (query >= 0) {
                path = path.substring(0, query);
            }
            int fragment = path.indexOf('#');
            return fragment >= 0 ? path.substring(0, fragment) : path;
        }
    }

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> word = Arbitraries.strings().withChars("GETPOST/?#=&a1 -.").ofMaxLength(12);
        return Arbitraries.oneOf(
                Arbitraries.of("-", "", " ", "  ", "GET / HTTP/1.1", "GET /cart?x=1#top HTTP/2.0", "GET /a#b?c HTTP/1.1",
                        "GET  HTTP/1.1", "GET /only", "\\x16\\x03\\x01", "GET /a b HTTP/1.1", "?", "#", "GET ? #"),
                Combinators.combine(word, word, word).as((a, b, c) -> a + " " + b + " " + c),
                word);
    }

    @Provide
    Arbitrary<String> uris() {
        return Arbitraries.oneOf(Arbitraries.of("-", "", "/fallback?q=1", "/a#f"),
                Arbitraries.strings().withChars("/?#a-1").ofMaxLength(8));
    }

    @Property(tries = 3000)
    void boundsGiveWhatAPlainSplitGives(@ForAll("requests") String request, @ForAll("uris") String uri,
            @ForAll boolean pathFirst) {
        String line = "10.0.0.1 [24/Nov/2026:02:00:00 +0000] \"" + request + "\" 200 \"" + uri + "\" 0.003";
        Fields fields = ((ParseResult.Parsed) WITH_URI.parse(line)).fields();
        Parts expected = Parts.of(request, uri);
        // the parts are found together on first use, whichever is asked for first
        if (pathFirst) {
            assertThat(fields.get("path")).as(line).isEqualTo(expected.path());
        }
        assertThat(fields.get("method")).as(line).isEqualTo(expected.method());
        assertThat(fields.get("protocol")).as(line).isEqualTo(expected.protocol());
        assertThat(fields.get("path")).as(line).isEqualTo(expected.path());
        assertThat(fields.get("request")).as(line).isEqualTo(request);
    }
}
