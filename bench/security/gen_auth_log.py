#!/usr/bin/env python3
"""Writes N auth.log lines in Debian 12's RFC 3339 rsyslog format, with the mix of a server under SSH attack:
failed passwords (half from a few hundred attacking addresses), invalid users, accepted logins, sudo, and
lines of programs the exporter does not read (cron, systemd-logind)."""
import random, sys

n, out = int(sys.argv[1]), sys.argv[2]
random.seed(8)
attackers = [f"203.0.{random.randint(0, 255)}.{random.randint(1, 254)}" for _ in range(300)]
users = ["root", "admin", "ubuntu", "deploy", "git", "oracle", "postgres", "test", "user", "pi"]
with open(out, "w") as f:
    for i in range(n):
        ts = f"2026-11-24T02:{(i // 60000) % 60:02d}:{(i // 1000) % 60:02d}.{i % 1000000:06d}+00:00"
        r = random.random()
        ip = random.choice(attackers)
        port = random.randint(1024, 65535)
        if r < 0.45:
            msg = f"sshd[{1000 + i % 5000}]: Failed password for {random.choice(users)} from {ip} port {port} ssh2"
        elif r < 0.60:
            u = random.choice(users) + str(random.randint(0, 99))
            msg = f"sshd[{1000 + i % 5000}]: Failed password for invalid user {u} from {ip} port {port} ssh2"
        elif r < 0.72:
            msg = f"sshd[{1000 + i % 5000}]: Invalid user {random.choice(users)}{random.randint(0, 99)} from {ip} port {port}"
        elif r < 0.77:
            msg = (f"sshd[{1000 + i % 5000}]: Accepted publickey for deploy from 10.0.0.{random.randint(1, 20)} "
                   f"port {port} ssh2: ED25519 SHA256:Xk2m5q7R0bN1c3v8ZpL4t6yW9aHfJdGsQeUiOoPlKjM")
        elif r < 0.80:
            msg = "sudo:   deploy : TTY=pts/0 ; PWD=/home/deploy ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx"
        elif r < 0.85:
            msg = f"sshd[{1000 + i % 5000}]: Connection closed by authenticating user root {ip} port {port} [preauth]"
        elif r < 0.93:
            msg = f"CRON[{2000 + i % 3000}]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)"
        else:
            msg = f"systemd-logind[512]: New session {i} of user deploy."
        f.write(f"{ts} web1 {msg}\n")
