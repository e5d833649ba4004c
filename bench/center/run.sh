#!/usr/bin/env bash
# bench/center, one command: (1) nearest-5 over 100,000 stations with center-service's in-process index, beside a
# brute-force scan and PostGIS KNN (<->) on the same points; (2) 15-minute coverage of 10,000 compounds by 2,000
# centers plus the best 10 of 500 candidate sites, beside brute force; (3) 100 concurrent attempts at one room slot
# through the gateway and at two center-service replicas -> exactly one booking.
# Usage: bench/center/run.sh [knn,coverage,booking]
# PostGIS: Debian's postgresql + postgis packages (installed if missing), a throw-away cluster on loopback run as the
# postgres user, removed at the end. Results are printed and saved under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/../.."
parts="${1:-knn,coverage,booking}"

pg_bin=""
cleanup() {
  if [ -n "${pg_dir:-}" ] && [ -d "$pg_dir" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
trap cleanup EXIT

if [[ "$parts" == *knn* ]]; then
  if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    echo "installing PostgreSQL and PostGIS (Debian packages)" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgis >/dev/null
  fi
  control=$(ls /usr/share/postgresql/*/extension/postgis.control | head -1)
  version=$(basename "$(dirname "$(dirname "$control")")")
  pg_bin="/usr/lib/postgresql/$version/bin"
  pg_dir=$(mktemp -d /tmp/center-bench-postgis.XXXXXX)
  chown postgres "$pg_dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c fsync=off" start >/dev/null
  export CENTER_BENCH_POSTGIS_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
  echo "PostGIS $version cluster on 127.0.0.1:$port" >&2
fi

./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench exec:java -Dexec.classpathScope=compile \
  -Dexec.mainClass=org.grassroots.bench.center.CenterBench -Dexec.args="$parts"
