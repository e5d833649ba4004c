#!/usr/bin/env bash
# Gateway overhead: the same trivial endpoint direct, through nginx, and through our gateway (authentication and
# Redis rate limiting on), with wrk at fixed concurrency, all in one run on loopback. Prints throughput and
# p50/p99 of each and the ratios gateway/direct and gateway/nginx. Usage: bench/gateway/run.sh [seconds] [connections]
# GRASSROOTS_BENCH_GATEWAY_JVM_OPTIONS adds JVM options to the gateway (e.g. a Flight Recorder profile).
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (Debian packages)" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench exec:java -Dexec.mainClass=org.grassroots.bench.GatewayBench \
  -Dexec.args="${1:-15} ${2:-32}"
