#!/usr/bin/env bash
# grid-service's hot paths with its own code, all in one run on this machine:
#   1. point → grid in process (grid-service's PolygonIndex: a cell grid, then ray crossing) over 100,000 realistic polygons (~50 vertices),
#      against the same over 1,000 polygons (baseline);
#   2. the same 100,000 polygons in PostGIS (GiST, ST_Contains), per lookup over JDBC and amortized in-server;
#   3. grid-service's statistics SQL over 1,000,000 cases in its own schema (RLS on, application role), against a
#      plain count(*) of the table (baseline);
#   4. case intake through the gateway (gateway + grid-service jars, their own databases, Redis, wrk with a Lua script),
#      against the same straight into grid-service (baseline), with CPU per case per process and a database check.
# PostgreSQL and PostGIS come from Debian (installed if missing); the cluster is a throw-away one on loopback, run
# as the postgres user, removed at the end. Usage: bench/grid/run.sh [point queries, default 1000000 | intake] [connections, default 32]
# [intake seconds per path, default 30]; "intake" runs only part 4; "locate [point queries]" runs only part 1.
set -euo pipefail
cd "$(dirname "$0")/../.."

# "locate [point queries]" runs only part 1, the in-process point lookups (no database; a minute or two)
if [ "${1:-}" = "locate" ]; then
  WORK="$(mktemp -d /tmp/grassroots-bench-grid.XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
  if [ -z "${GRASSROOTS_BENCH_SKIP_BUILD:-}" ]; then
    ./mvnw -q -B install -DskipTests -pl grid-service -am
  fi
  ./mvnw -q -B -pl grid-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
  CP="grid-service/target/classes:$(cat "$WORK/classpath.txt")"
  mkdir -p "$WORK/classes"
  javac -nowarn -d "$WORK/classes" -cp "$CP" bench/src/main/java/org/grassroots/bench/grid/*.java \
    bench/src/main/java/org/grassroots/bench/BenchIssuer.java bench/src/main/java/org/grassroots/bench/Wrk.java
  java -cp "$WORK/classes:$CP" org.grassroots.bench.grid.GridBench locate "${2:-1000000}"
  exit 0
fi

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1; }
PGV="$(pg_version)"
if [ -z "$PGV" ] || [ ! -f "/usr/share/postgresql/$PGV/extension/postgis.control" ]; then
  echo "installing PostgreSQL and PostGIS (Debian packages)" >&2
  apt-get update -qq >/dev/null
  PGV="${PGV:-$(apt-cache search --names-only '^postgresql-[0-9]+$' | sed -E 's/^postgresql-([0-9]+).*/\1/' | sort -V | tail -1)}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PGV" "postgresql-$PGV-postgis-3" >/dev/null
fi
BIN="/usr/lib/postgresql/$PGV/bin"

WORK="$(mktemp -d /tmp/grassroots-bench-grid.XXXXXX)"
chown postgres "$WORK"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
stop() {
  # GRASSROOTS_BENCH_PG_LOG=FILE keeps the server's log (e.g. with auto_explain in GRASSROOTS_BENCH_PG_OPTIONS)
  if [ -n "${GRASSROOTS_BENCH_PG_LOG:-}" ]; then cp "$WORK/postgres.log" "$GRASSROOTS_BENCH_PG_LOG" || true; fi
  runuser -u postgres -- "$BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT
runuser -u postgres -- "$BIN/initdb" -D "$WORK/data" -A trust -U postgres -E UTF8 --locale C.UTF-8 >/dev/null
runuser -u postgres -- "$BIN/pg_ctl" -D "$WORK/data" -l "$WORK/postgres.log" -w \
  -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c max_connections=200 -c shared_buffers=512MB -c work_mem=64MB -c fsync=off -c synchronous_commit=off -c max_wal_size=4GB -c timezone=UTC ${GRASSROOTS_BENCH_PG_OPTIONS:-}" \
  start >/dev/null
echo "PostgreSQL $PGV with PostGIS on 127.0.0.1:$PORT" >&2

# grid-service, the gateway and what they need (their executable jars are started by the intake part); the bench
# classes are compiled against grid-service's own classpath, so work in progress elsewhere in bench/ cannot break this
# run. GRASSROOTS_BENCH_SKIP_BUILD=1 uses the jars as they are (e.g. while another build owns the gateway module).
if [ -z "${GRASSROOTS_BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B install -DskipTests -pl grid-service,gateway -am
fi
./mvnw -q -B -pl grid-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="grid-service/target/classes:$(cat "$WORK/classpath.txt")"
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$CP" bench/src/main/java/org/grassroots/bench/grid/*.java \
  bench/src/main/java/org/grassroots/bench/BenchIssuer.java bench/src/main/java/org/grassroots/bench/Wrk.java
# the gateway and grid-service run on the Java of the production image (k8s/Dockerfile: 25) when this machine has a
# JDK 25; GRASSROOTS_BENCH_SERVICE_JAVA=/path/to/bin/java chooses another
if [ -z "${GRASSROOTS_BENCH_SERVICE_JAVA:-}" ]; then
  for jdk in /usr/lib/jvm/*25*/bin/java; do
    if [ -x "$jdk" ]; then export GRASSROOTS_BENCH_SERVICE_JAVA="$jdk"; break; fi
  done
fi
echo "services run on: $("${GRASSROOTS_BENCH_SERVICE_JAVA:-java}" -version 2>&1 | head -1)" >&2
java -cp "$WORK/classes:$CP" org.grassroots.bench.grid.GridBench \
  "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres" "${1:-1000000}" "${2:-32}" "${3:-30}"
