#!/usr/bin/env bash
# member-service at Yangjiang's scale: imports N central households (default 35,000) × 10 linked households for one
# district through the API, side by side with a plain COPY of the same rows; then the dispatch lookup
# (GET /api/v1/central-households/for-household/{id}) through the running service, against the same SQL over JDBC
# and a trivial endpoint. Everything on loopback with its own embedded PostgreSQL and Redis.
# Usage: bench/member/run.sh [central-households] [lookups] [import-senders]
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench exec:java -Dexec.mainClass=org.grassroots.bench.member.MemberBench \
  -Dexec.args="${1:-35000} ${2:-20000} ${3:-2}"
