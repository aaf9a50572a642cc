package com.saypro.monitor.logs;

/** Access log lines exactly as the demo marketplace's front writes them (demo/API.md, "Access log"). */
final class AccessLines {

    private AccessLines() {
    }

    static String line(String method, String uri, int status, int bytes, String requestTime, String upstream,
            String upstreamTime) {
        String upstreamStatus = upstream.equals("-") ? "-" : Integer.toString(status);
        return "127.0.0.1 - - [24/Nov/2026:10:00:00 +0000] \"" + method + " " + uri + " HTTP/1.1\" " + status + " "
                + bytes + " \"-\" \"saypro-traffic/0.1\" " + requestTime + " " + upstream + " " + upstreamTime + " "
                + upstreamStatus + "\n";
    }

    static String get(String uri, String requestTime) {
        return line("GET", uri, 200, 100, requestTime, "127.0.0.1:8491", requestTime);
    }
}
