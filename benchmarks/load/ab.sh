#!/usr/bin/env bash
# End-to-end A/B load run of PingApplication (GET /api/ping):
#   bare      Spring MVC alone (the starter and its runtime dependencies off the classpath)
#   full      the same app with the starter, every feature on, the access line included
#   no-access the same with the 'Handled request' line switched off
# Method (see docs/performance.md): the app pinned to CPU 0, wrk pinned to CPU 1, a long warm-up
# before every measured window because JIT dominates short runs, variants alternated, ratios
# compared within one run. Usage: benchmarks/load/ab.sh [rounds] [warmup-seconds] [measure-seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-2}
WARMUP=${2:-60}
MEASURE=${3:-15}
PORT=${PORT:-18099}
OUT=${OUT:-benchmarks/target/load}
mkdir -p "$OUT"

./mvnw -B -q -pl benchmarks -am package -DskipTests
FULL_CP="benchmarks/target/classes:$(cat benchmarks/target/load.classpath)"
# The bare classpath keeps Spring MVC and drops the starter and everything it brings.
BARE_CP=$(echo "$FULL_CP" | tr ':' '\n' \
  | grep -Ev 'observability-spring-boot|security-metrics-core|spring-boot-actuator|spring-boot-health|micrometer-(core|registry|tracing|jakarta9)|spring-boot-micrometer|opentelemetry|prometheus|logstash|zipkin|HdrHistogram|LatencyUtils' \
  | paste -sd: -)

start_app() { # variant
  local variant=$1 cp=$FULL_CP args=()
  case $variant in
    bare) cp=$BARE_CP ;;
    no-access) args+=(--observability.logging.access-log.enabled=false) ;;
  esac
  taskset -c 0 java -cp "$cp" dev.aisd.observability.benchmarks.load.PingApplication \
    --server.port="$PORT" --spring.application.name=ping "${args[@]}" >"$OUT/$variant.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/api/ping" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "app $variant did not start" >&2; cat "$OUT/$variant.log" >&2; exit 1
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

printf 'round\tvariant\treq_per_s\tp50\tp99\tstartup_s\taccess_lines\trequests\n' | tee "$OUT/results.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for variant in bare full no-access; do
    start_app "$variant"
    startup=$(grep -o 'Started PingApplication in [0-9.]* seconds' "$OUT/$variant.log" | grep -o '[0-9.]*' | head -1)
    taskset -c 1 wrk -t1 -c16 -d"${WARMUP}s" "http://127.0.0.1:$PORT/api/ping" >/dev/null
    before=$(grep -c '"Handled request"' "$OUT/$variant.log" || true)
    taskset -c 1 wrk -t1 -c16 -d"${MEASURE}s" --latency "http://127.0.0.1:$PORT/api/ping" >"$OUT/$variant.wrk"
    stop_app
    after=$(grep -c '"Handled request"' "$OUT/$variant.log" || true)
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$variant.wrk")
    p50=$(awk '$1=="50%" {print $2}' "$OUT/$variant.wrk")
    p99=$(awk '$1=="99%" {print $2}' "$OUT/$variant.wrk")
    requests=$(awk '/requests in/ {print $1}' "$OUT/$variant.wrk")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$variant" "$rps" "$p50" "$p99" "$startup" \
      "$((after - before))" "$requests" | tee -a "$OUT/results.tsv"
  done
done
