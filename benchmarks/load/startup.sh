#!/usr/bin/env bash
# Startup of PingApplication, bare against the starter with its defaults, in one alternating run,
# and where the starter's startup time goes.
#   1. timing: RUNS alternating starts of each variant (the app pinned to CPU 0 as in ab.sh), each
#      read from Spring Boot's own "Started PingApplication in X seconds (process running for Y)"
#      line, with the CPU time the process had used by then (utime + stime from /proc, all
#      threads: steadier than wall time when other loads share the host); prints every run and
#      the median per variant, and the ratio of the medians.
#   2. breakdown: one start of each variant under Spring's BufferingApplicationStartup
#      (StartupSteps): the phases, the beans with the longest own instantiation time, that time
#      summed per package of the bean types, the number of beans and of loaded classes.
# Usage: [STEPS=n] benchmarks/load/startup.sh [runs] [stack] [variants]
#   e.g. benchmarks/load/startup.sh 7 mvc "bare full full-sender"
#        STEPS=5 benchmarks/load/startup.sh 0 webflux "bare full"   (breakdowns only)
# Variants: bare, full (the starter's defaults), full-sender (the same with
# management.tracing.export.zipkin.enabled=false set by the user, which keeps Spring Boot's Zipkin
# sender auto-configuration: the starter's startup before that was filtered out by default),
# full-jmx (the same with Spring Boot's own Tomcat metrics binder, which creates the platform
# MBean server: the starter's startup before its session-metrics binder replaced Boot's).
# BUILD=0 skips the build of the benchmarks module.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
STACK=${2:-mvc}
VARIANTS=${3:-bare full}
PORT=${PORT:-18097}
OUT=${OUT:-benchmarks/target/startup}
mkdir -p "$OUT"

[[ ${BUILD:-1} == 1 ]] && ./mvnw -B -q -pl benchmarks -am package -DskipTests
FULL_CP="benchmarks/target/classes:$(cat benchmarks/target/load.classpath)"
# The same cut as ab.sh: bare keeps the web stack, without the starter and what it brings.
OBSERVABILITY='micrometer-(core|registry|tracing|jakarta9)|spring-boot-micrometer|opentelemetry|prometheus|zipkin|HdrHistogram|LatencyUtils|spring-boot-actuator|spring-boot-health'
BARE_CP=$(echo "$FULL_CP" | tr ':' '\n' \
  | grep -Ev "observability-spring-boot|security-metrics-core|logstash|$OBSERVABILITY" | paste -sd: -)

args_of() { # variant -> class path and arguments, in CP and ARGS
  CP=$FULL_CP
  ARGS=(--server.port="$PORT" --spring.application.name=ping)
  [[ $STACK == webflux ]] && ARGS+=(--spring.main.web-application-type=reactive)
  case $1 in
    bare) CP=$BARE_CP ;;
    full) ;;
    full-sender) ARGS+=(--management.tracing.export.zipkin.enabled=false) ;;
    full-jmx) ARGS+=(--spring.autoconfigure.exclude=dev.aisd.observability.metrics.TomcatSessionMetricsAutoConfiguration) ;;
    *) echo "unknown variant $1" >&2; exit 1 ;;
  esac
}

cpu_seconds() { # pid -> utime + stime in seconds (fields 14 and 15, counted after the "(comm)" field)
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo NaN; return; }
  echo "${stat##*) }" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($12 + $13) / hz}'
}

start_once() { # variant -> "started_s process_s cpu_s"
  args_of "$1"
  local log="$OUT/$STACK-$1.log" line=
  taskset -c 0 java -cp "$CP" dev.aisd.observability.benchmarks.load.PingApplication "${ARGS[@]}" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    line=$(grep -o 'Started PingApplication in [0-9.]* seconds (process running for [0-9.]*)' "$log" || true)
    [[ -n $line ]] && break
    sleep 0.05
  done
  local cpu
  cpu=$(cpu_seconds "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -n $line ]] || { echo "$1 did not start:" >&2; tail -n 30 "$log" >&2; exit 1; }
  echo "$(echo "$line" | awk '{print $4, $9}' | tr -d ')') $cpu"
}

printf 'run\tstack\tvariant\tstarted_s\tprocess_s\tcpu_s\tloadavg\n' | tee "$OUT/runs.tsv"
for run in $(seq 1 "$RUNS"); do
  for variant in $VARIANTS; do
    read -r started process cpu < <(start_once "$variant")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$STACK" "$variant" "$started" "$process" "$cpu" \
      "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/runs.tsv"
  done
done

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
if (( RUNS > 0 )); then
  printf '\nstack\tvariant\tmedian_started_s\tmedian_process_s\tmedian_cpu_s\n' | tee "$OUT/medians.tsv"
  for variant in $VARIANTS; do
    s=$(awk -F'\t' -v v="$variant" '$3 == v {print $4}' "$OUT/runs.tsv" | median)
    p=$(awk -F'\t' -v v="$variant" '$3 == v {print $5}' "$OUT/runs.tsv" | median)
    c=$(awk -F'\t' -v v="$variant" '$3 == v {print $6}' "$OUT/runs.tsv" | median)
    printf '%s\t%s\t%s\t%s\t%s\n' "$STACK" "$variant" "$s" "$p" "$c" | tee -a "$OUT/medians.tsv"
  done
  awk -F'\t' 'NR > 2 && NF == 5 {s[$2]=$3; p[$2]=$4; c[$2]=$5} END {for (v in s) if (v != "bare" && s["bare"] > 0)
    printf "%s/bare: started %.2fx, process %.2fx, cpu %.2fx\n", v, s[v] / s["bare"], p[v] / p["bare"], c[v] / c["bare"]}' \
    "$OUT/medians.tsv" | tee -a "$OUT/medians.tsv"
fi

# STEPS=N repeats the breakdown N times, alternating the variants, and prints one summary line
# per start: its CPU and class counts are the steadiest numbers this script gives.
for step_run in $(seq 1 "${STEPS:-1}"); do
  for variant in $VARIANTS; do
    args_of "$variant"
    taskset -c 0 java -cp "$CP" dev.aisd.observability.benchmarks.load.StartupSteps "${ARGS[@]}" \
      --logging.level.root=warn >"$OUT/$STACK-$variant.steps.log" 2>&1
    grep -P '^(phase|bean|package|beans|classes|cpu)\t' "$OUT/$STACK-$variant.steps.log" >"$OUT/$STACK-$variant.steps.tsv"
    if [[ ${STEPS:-1} == 1 ]]; then
      echo "== $STACK $variant"
      cat "$OUT/$STACK-$variant.steps.tsv"
    fi
    awk -F'\t' -v run="$step_run" -v s="$STACK" -v v="$variant" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
      $2 == "main thread at ready" {m = $3} $2 == "process at ready" {p = $3} $2 == "threads jit" {j = $3}
      $1 == "beans" {b = $4} $2 == "loaded during run()" {c = $4}
      END {printf "steps\t%s\t%s\t%s\tmain_cpu_ms %s\tprocess_cpu_ms %s\tjit_ms %s\tbeans %s\tclasses %s\tloadavg %s\n",
        run, s, v, m, p, j, b, c, load}' "$OUT/$STACK-$variant.steps.tsv" | tee -a "$OUT/steps.tsv"
  done
done
