#!/usr/bin/env bash
# Database exporter benchmark: SayPro's `database` exporter side by side with Debian's
# prometheus-postgres-exporter and prometheus-mysqld-exporter (default collectors), in one run,
# against the same private PostgreSQL and MariaDB servers that this script starts on free loopback
# ports (the machine's shared servers are not touched) and stops at the end.
#
# Reports per exporter: median and p99 scrape latency over N sequential scrapes, statements sent to
# the server per scrape (counted from the server's own statement log), resident memory; then, for
# two "Prometheus servers" scraping concurrently, the statements per second each exporter causes.
#
# CPU columns: the exporter's process CPU (utime+stime from /proc) and the private server's (all its
# processes) per scrape over the N scrapes: far less noisy than latency on a shared machine.
# WARMUP (default 50) scrapes of each exporter first; a JVM's JIT needs a few thousand to settle,
# which Prometheus scraping for days always gives it, so WARMUP=2000 is the steady state.
#
# Usage: bench/database/run.sh [N]    (needs: the launcher jar, postgresql, mariadb-server,
#        prometheus-postgres-exporter, prometheus-mysqld-exporter, curl, python3; run as root)
set -euo pipefail
N=${1:-200}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAR=${JAR:-$ROOT/exporters/launcher/target/saypro-monitor.jar} # JAR=... to compare another build
[ -f "$JAR" ] || { echo "build the launcher first: ./mvnw -B -q -pl exporters/launcher -am package -DskipTests" >&2; exit 1; }
for tool in prometheus-postgres-exporter prometheus-mysqld-exporter mariadbd curl python3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "missing $tool (apt-get install -y ${tool/mariadbd/mariadb-server})" >&2; exit 1; }
done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

WORK=$(mktemp -d /tmp/saypro-dbbench-XXXX)
chmod 755 "$WORK"
PIDS=()
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -d "$WORK/pg/data" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

echo "== starting private servers in $WORK"
PG_PORT=$(free_port); MY_PORT=$(free_port)
mkdir -p "$WORK/pg" "$WORK/my"; chown postgres: "$WORK/pg"; chown mysql: "$WORK/my"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c log_statement=all -c log_line_prefix='%a|'" start >/dev/null
runuser -u mysql -- mariadb-install-db --no-defaults --datadir="$WORK/my/data" --auth-root-authentication-method=normal --skip-test-db >/dev/null 2>&1
runuser -u mysql -- /usr/sbin/mariadbd --no-defaults --datadir="$WORK/my/data" --port="$MY_PORT" --socket="$WORK/my/s.sock" \
  --bind-address=127.0.0.1 --pid-file="$WORK/my/p.pid" --skip-log-bin --innodb-buffer-pool-size=32M \
  --general-log=1 --general-log-file="$WORK/my/general.log" --log-error="$WORK/my/error.log" &
PIDS+=($!)
for _ in $(seq 100); do mariadb -h127.0.0.1 -P"$MY_PORT" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c 'CREATE DATABASE marketplace' >/dev/null
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d marketplace -f "$ROOT/demo/schema/postgresql.sql" >/dev/null
mariadb -h127.0.0.1 -P"$MY_PORT" -uroot -e "CREATE DATABASE marketplace; CREATE USER 'bench'@'localhost' IDENTIFIED BY 'bench'; GRANT ALL ON *.* TO 'bench'@'localhost'"
mariadb -h127.0.0.1 -P"$MY_PORT" -uroot marketplace < "$ROOT/demo/schema/mysql.sql"

statements() { # statements the server has logged so far
  case $1 in
    pg) grep -cE '\|LOG:  (statement|execute)' "$WORK/pg/server.log" || true ;;
    my) grep -cE '\s(Query|Execute)\s' "$WORK/my/general.log" || true ;;
  esac
}
wait_http() { for _ in $(seq 150); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }

# Ours, once per engine so each comparison is one target against one peer. min_interval 0 for the
# collectors meant to run on every scrape (their shipped 1 s would serve most of these back-to-back
# scrapes from cache); sizes (5 m) and postgres (30 s) keep their shipped intervals, as in production:
# the peers do not size tables by default either. Set SIZES_EVERY_SCRAPE=1 to collect them too.
start_ours() { # engine url port user password
  {
    if [ -z "${SHIPPED_INTERVALS:-}" ]; then
      printf 'collectors:\n'
      for c in up connections activity cache replication mysql checks; do printf '  %s: {min_interval: 0s}\n' "$c"; done
      if [ -n "${SIZES_EVERY_SCRAPE:-}" ]; then printf '  sizes: {min_interval: 0s}\n  postgres: {min_interval: 0s}\n'; fi
    fi
    printf 'targets:\n  - {name: bench, engine: %s, url: "%s", user: %s, password: %s}\n' "$1" "$2" "$4" "$5"
  } > "$WORK/ours-$1.yml"
  java -XX:+UseSerialGC -Xmx128m -jar "$JAR" database --config.file="$WORK/ours-$1.yml" \
    --web.listen-address="127.0.0.1:$3" --log.level=warn >"$WORK/ours-$1.log" 2>&1 &
  PIDS+=($!); echo $! > "$WORK/ours-$1.pid"
}
OURS_PG=$(free_port); OURS_MY=$(free_port); PEER_PG=$(free_port); PEER_MY=$(free_port)
start_ours postgresql "jdbc:postgresql://127.0.0.1:$PG_PORT/marketplace" "$OURS_PG" postgres unused
start_ours mysql "jdbc:mysql://127.0.0.1:$MY_PORT/marketplace" "$OURS_MY" bench bench
DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:$PG_PORT/marketplace?sslmode=disable" \
  prometheus-postgres-exporter --web.listen-address="127.0.0.1:$PEER_PG" --log.level=warn >"$WORK/peer-pg.log" 2>&1 &
PIDS+=($!); echo $! > "$WORK/peer-pg.pid"
printf '[client]\nuser=bench\npassword=bench\nhost=127.0.0.1\nport=%s\n' "$MY_PORT" > "$WORK/my.cnf"
prometheus-mysqld-exporter --config.my-cnf="$WORK/my.cnf" --web.listen-address="127.0.0.1:$PEER_MY" --log.level=warn >"$WORK/peer-my.log" 2>&1 &
PIDS+=($!); echo $! > "$WORK/peer-my.pid"
for p in $OURS_PG $OURS_MY $PEER_PG $PEER_MY; do wait_http "http://127.0.0.1:$p/metrics"; done
for p in $OURS_PG $OURS_MY $PEER_PG $PEER_MY; do for _ in $(seq "${WARMUP:-50}"); do curl -s -o /dev/null "http://127.0.0.1:$p/metrics"; done; done # warm-up (and the JIT)

cpu_ticks() { # clock ticks used so far by the given processes
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
server_pids() { # every process of the private server of engine $1
  case $1 in
    pg) local pm; pm=$(head -1 "$WORK/pg/data/postmaster.pid"); echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')" ;;
    my) cat "$WORK/my/p.pid" ;;
  esac
}
measure() { # name engine port pidfile -> "name median_ms p99_ms statements_per_scrape rss_mib series cpu_ms server_cpu_ms"
  local before after cpu0 cpu1 srv0 srv1 servers
  servers=$(server_pids "$2")
  before=$(statements "$2"); cpu0=$(cpu_ticks "$(cat "$4")"); srv0=$(cpu_ticks $servers)
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$3/metrics"; done > "$WORK/$1.times"
  cpu1=$(cpu_ticks "$(cat "$4")"); srv1=$(cpu_ticks $servers)
  sleep 0.5; after=$(statements "$2")
  local series rss
  series=$(curl -s "http://127.0.0.1:$3/metrics" | grep -vc '^#')
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$(cat "$4")/status")
  python3 - "$1" "$WORK/$1.times" "$before" "$after" "$N" "$rss" "$series" "$((cpu1 - cpu0))" "$((srv1 - srv0))" "$(getconf CLK_TCK)" <<'PY'
import sys
name, path, before, after, n, rss, series = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
cpu, server_cpu, hz = int(sys.argv[8]), int(sys.argv[9]), int(sys.argv[10])
t = sorted(float(x) * 1000 for x in open(path))
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"{name} {p(0.5):.2f} {p(0.99):.2f} {(after - before) / n:.1f} {rss / 1024:.0f} {series} "
      f"{cpu * 1000 / hz / n:.2f} {server_cpu * 1000 / hz / n:.2f}")
PY
}

concurrent() { # name engine port seconds: two scrapers, each every 0.5 s, like two Prometheus servers
  local before after
  before=$(statements "$2")
  local scrapers=()
  for _ in 1 2; do
    ( end=$((SECONDS + $4)); while [ $SECONDS -lt $end ]; do curl -s -o /dev/null "http://127.0.0.1:$3/metrics"; sleep 0.5; done ) &
    scrapers+=($!)
  done
  wait "${scrapers[@]}"
  sleep 0.5; after=$(statements "$2")
  echo "$1 $(( (after - before) / $4 ))"
}

echo "== $N sequential scrapes each"
{
  measure ours-postgresql pg "$OURS_PG" "$WORK/ours-postgresql.pid"
  measure postgres_exporter pg "$PEER_PG" "$WORK/peer-pg.pid"
  measure ours-mysql my "$OURS_MY" "$WORK/ours-mysql.pid"
  measure mysqld_exporter my "$PEER_MY" "$WORK/peer-my.pid"
} | tee "$WORK/results"
python3 - "$WORK/results" <<'PY'
import sys
rows = {l.split()[0]: l.split()[1:] for l in open(sys.argv[1])}
print()
print("| exporter | median ms | p99 ms | statements/scrape | RSS MiB | samples | exporter CPU ms/scrape | server CPU ms/scrape |")
print("|---|---|---|---|---|---|---|---|")
for name, r in rows.items():
    print(f"| {name} | {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} |")
for ours, peer in (("ours-postgresql", "postgres_exporter"), ("ours-mysql", "mysqld_exporter")):
    o, p = rows[ours], rows[peer]
    print(f"{ours} / {peer}: median {float(o[0]) / float(p[0]):.2f}x, p99 {float(o[1]) / float(p[1]):.2f}x, "
          f"statements {float(o[2]) / max(float(p[2]), 0.1):.2f}x, RSS {float(o[3]) / float(p[3]):.2f}x, "
          f"exporter+server CPU {(float(o[5]) + float(o[6])) / max(float(p[5]) + float(p[6]), 0.01):.2f}x")
PY

echo
echo "== two concurrent scrapers, 20 s, each scraping every 0.5 s (statements per second sent to the server)"
# ours with its default min_interval (1 s for the health collectors): one collection per min_interval
kill "$(cat "$WORK/ours-postgresql.pid")" "$(cat "$WORK/ours-mysql.pid")"; wait "$(cat "$WORK/ours-postgresql.pid")" "$(cat "$WORK/ours-mysql.pid")" 2>/dev/null || true
SHIPPED_INTERVALS=1
start_ours postgresql "jdbc:postgresql://127.0.0.1:$PG_PORT/marketplace" "$OURS_PG" postgres unused
start_ours mysql "jdbc:mysql://127.0.0.1:$MY_PORT/marketplace" "$OURS_MY" bench bench
wait_http "http://127.0.0.1:$OURS_PG/metrics"; wait_http "http://127.0.0.1:$OURS_MY/metrics"
concurrent ours-postgresql-defaults pg "$OURS_PG" 20
concurrent postgres_exporter pg "$PEER_PG" 20
concurrent ours-mysql-defaults my "$OURS_MY" 20
concurrent mysqld_exporter my "$PEER_MY" 20
