#!/usr/bin/env bash
# Installs and starts what the tests need, when it is missing: Debian packages for the real
# Prometheus side (promtool, amtool, the Go exporters we compare with, ...), and the PostgreSQL and
# MariaDB servers on 127.0.0.1. Safe to run again: it only acts on what is missing.
set -euo pipefail

# command -> Debian package
declare -A NEEDED=(
  [promtool]=prometheus
  [amtool]=prometheus-alertmanager
  [prometheus-alertmanager]=prometheus-alertmanager
  [docker-compose]=docker-compose
  [restic]=restic
  [pg_restore]=postgresql-client
  [psql]=postgresql-client
  [mariadb-dump]=mariadb-client
  [mariadb]=mariadb-client
  [dnsmasq]=dnsmasq
  [ip]=iproute2
  [tc]=iproute2
  [socat]=socat
  [openssl]=openssl
  [prometheus-blackbox-exporter]=prometheus-blackbox-exporter
  [prometheus-smokeping-prober]=prometheus-smokeping-prober
  [lynis]=lynis
  [mariadb-install-db]=mariadb-server
  [prometheus]=prometheus
  [prometheus-node-exporter]=prometheus-node-exporter
)

missing=()
for cmd in "${!NEEDED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDED[$cmd]}")
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
    echo "test-setup: need root (or sudo) to run: $*" >&2; exit 1; fi
}

if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t packages < <(printf '%s\n' "${missing[@]}" | sort -u)
  echo "test-setup: installing ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# Debian starts these services after install on a machine with systemd; tests start their own
# instances on loopback ports and must not find the packaged daemons in the way.
for svc in prometheus prometheus-alertmanager prometheus-pushgateway prometheus-node-exporter prometheus-blackbox-exporter prometheus-smokeping-prober dnsmasq; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    as_root systemctl stop "$svc" || true
  fi
done

pg_ready() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; }
if ! pg_ready; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "test-setup: installing postgresql"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  echo "test-setup: starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { echo "test-setup: PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
fi

maria_ready() { command -v mariadb-admin >/dev/null 2>&1 && mariadb-admin -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }
if ! maria_ready; then
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "test-setup: installing mariadb-server"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi
  echo "test-setup: starting MariaDB"
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 30); do maria_ready && break; sleep 1; done
  maria_ready || { echo "test-setup: MariaDB does not answer on 127.0.0.1:3306" >&2; exit 1; }
fi
echo "test-setup: ready"
