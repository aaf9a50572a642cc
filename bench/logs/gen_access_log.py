#!/usr/bin/env python3
"""Writes N nginx access-log lines in the 'main' format (combined + request_time + upstream), deterministic."""
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2] if len(sys.argv) > 2 else "-"
rng = random.Random(42)
paths = ["/products/{}", "/category/shoes/page/{}", "/cart", "/api/cart/items/{}", "/checkout",
         "/checkout/payment/callback", "/search?q=item{}", "/account/orders/{}", "/static/app.{}.css",
         "/images/p/{}.webp", "/", "/admin/report/{}", "/api/v2/checkout/{}"]
statuses = ["200"] * 20 + ["201", "204", "301", "302", "304", "400", "401", "403", "404", "404", "500", "502", "503"]
agents = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148", "curl/7.88.1"]
f = sys.stdout if out == "-" else open(out, "w")
buf = []
for i in range(n):
    path = rng.choice(paths).format(rng.randint(1, 10_000_000))
    rt = rng.expovariate(10)
    if rng.random() < 0.2:
        up = "10.0.0.{}:8080 {:.3f}".format(rng.randint(1, 9), rt * 0.9)
    elif rng.random() < 0.05:
        up = "10.0.0.1:8080, 10.0.0.2:8080 0.001, {:.3f}".format(rt * 0.9)
    else:
        up = "- -" if path.startswith("/static") else "10.0.0.3:8080 {:.3f}".format(rt * 0.9)
    buf.append('10.{}.{}.{} - - [24/Nov/2026:02:{:02d}:{:02d} +0000] "{} {} HTTP/1.1" {} {} "-" "{}" {:.3f} {}\n'.format(
        rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255), (i // 60) % 60, i % 60,
        "POST" if "checkout" in path else "GET", path, rng.choice(statuses), rng.randint(0, 50000),
        rng.choice(agents), rt, up))
    if len(buf) >= 10000:
        f.write("".join(buf))
        buf.clear()
f.write("".join(buf))
f.close()
