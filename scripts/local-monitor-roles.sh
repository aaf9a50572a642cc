#!/usr/bin/env bash
# Creates the database exporter's least-privilege monitoring accounts on the LOCAL servers, when they
# answer on 127.0.0.1 and the account is missing, so `./saypro run` shows `saypro_db_up 1` on its
# embedded defaults (which log in as `saypro_monitor`, see exporters/database/README.md).
#
#   PostgreSQL: role saypro_monitor, LOGIN, member of pg_monitor (no password: it relies on the
#               local server's own authentication, trust on a development machine)
#   MariaDB:    'saypro_monitor'@'127.0.0.1' and @'localhost' with PROCESS, REPLICATION CLIENT,
#               SELECT (+ SLAVE MONITOR where the server knows it), no password, loopback only
#
# For a development machine only: on a real server create the accounts with a password as the
# README shows. Never fails the caller: a server that is down or refuses is reported and skipped.
set -uo pipefail

say() { echo "local-monitor-roles: $*"; }

if command -v psql >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA >/dev/null 2>&1 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'saypro_monitor') THEN
    CREATE ROLE saypro_monitor LOGIN;
    RAISE NOTICE 'created';
  END IF;
END $$;
GRANT pg_monitor TO saypro_monitor;
SQL
  then say "PostgreSQL: saypro_monitor is a member of pg_monitor"
  else say "PostgreSQL: could not create saypro_monitor as postgres (create it as the README shows)"
  fi
else
  say "PostgreSQL does not answer on 127.0.0.1:5432: skipped"
fi

if command -v mariadb >/dev/null 2>&1 && mariadb -h 127.0.0.1 -P 3306 -u root -e 'SELECT 1' >/dev/null 2>&1; then
  ok=1
  for host in 127.0.0.1 localhost; do
    mariadb -h 127.0.0.1 -P 3306 -u root -e "
      CREATE USER IF NOT EXISTS 'saypro_monitor'@'$host';
      GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'saypro_monitor'@'$host';" >/dev/null 2>&1 || ok=0
    # MariaDB 10.5.9+ needs SLAVE MONITOR for SHOW REPLICA STATUS; older servers and MySQL lack it.
    mariadb -h 127.0.0.1 -P 3306 -u root -e "GRANT SLAVE MONITOR ON *.* TO 'saypro_monitor'@'$host';" >/dev/null 2>&1 || true
  done
  if [ "$ok" = 1 ]; then say "MariaDB: saypro_monitor@127.0.0.1 has PROCESS, REPLICATION CLIENT, SELECT"
  else say "MariaDB: could not create saypro_monitor as root (create it as the README shows)"
  fi
else
  say "MariaDB does not answer on 127.0.0.1:3306 as root: skipped"
fi
exit 0
