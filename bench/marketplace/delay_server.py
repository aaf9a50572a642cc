#!/usr/bin/env python3
"""A tiny HTTP/1.1 server on 127.0.0.1 that waits a known delay before answering.

Usage: delay_server.py PORT DELAY_MS
Every GET waits DELAY_MS (time.sleep) and answers 200 with a small body; GET /fast answers at once
(for warming up the JIT). The delay is what both probers should report as time to first byte
("processing"); what they report above it is their error (plus this server's own overhead, the
same for both).
"""
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
DELAY = float(sys.argv[2]) / 1000.0
BODY = b"ok " * 100


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        if self.path != "/fast":
            time.sleep(DELAY)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
