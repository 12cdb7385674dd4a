#!/usr/bin/env bash
# The real servers the tests use: Redis at 127.0.0.1:6379 and PostgreSQL at 127.0.0.1:5432 (trust auth, database
# `test`). Each is checked; one that does not answer is started the way this machine starts it, then checked again.
set -uo pipefail

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 && psql -h 127.0.0.1 -U postgres -d test -tAc 'select 1' >/dev/null 2>&1; }

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 50); do
    if $check; then echo "$what answers"; return 0; fi
    sleep 0.2
  done
  echo "$what does not answer" >&2
  return 1
}

if ! redis_up; then
  echo "Redis not answering on 127.0.0.1:6379: starting it"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
wait_for "Redis 127.0.0.1:6379" redis_up || exit 1

if ! pg_up; then
  echo "PostgreSQL not answering on 127.0.0.1:5432: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
wait_for "PostgreSQL 127.0.0.1:5432" pg_up || exit 1
