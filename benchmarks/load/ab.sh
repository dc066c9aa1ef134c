#!/usr/bin/env bash
# End-to-end A/B load run of PingApplication (GET /api/ping answers a small JSON map), in one
# alternating run, on Spring MVC and on WebFlux:
#   bare      the web stack alone (the starter and every observability library off the classpath)
#   full      the same app with the starter and its defaults, the access line included
#   no-access the starter with the 'Handled request' line switched off
#   glue      the do-it-yourself stack: actuator + micrometer-registry-prometheus +
#             spring-boot-starter-opentelemetry (sampling 1.0) + Boot's logstash JSON console
#             format + one log.info per request, without the starter
#   agent     the bare app under the OpenTelemetry Java agent 2.33.1, exporters 'none'
#   full-wake 'full' with the access-log writer woken by every line
#             (observability.logging.async.flush-interval=0, the Disruptor's liteBlocking
#             strategy): what the starter did before the writer slept between batches
#   no-access-mgmt, full-mgmt
#             'no-access' and 'full' with management.server.port set: Actuator's handler mappings
#             and the starter's endpoints on their own port, off the application port's requests
#   full-before, no-access-before
#             'full' and 'no-access' built from an earlier checkout of the project, for a
#             before/after comparison in the same run: set BEFORE to the root of that checkout
#             and build it first, e.g.
#               git archive <commit> | tar -x -C /tmp/before
#               (cd /tmp/before && ./mvnw -B -q -pl benchmarks -am package -DskipTests)
#               BEFORE=/tmp/before benchmarks/load/ab.sh 1 45 15 mvc "bare full-before full"
# Method (see docs/performance.md): the apps pinned to CPU 0, wrk pinned to CPU 1. All variants
# of a stack are started one after the other (each start timed alone) and then take turns:
# every variant gets one 5 s window of load, then the next, so an episode of contention on the
# shared host falls on all of them alike instead of on whichever variant ran then. The
# warm-up is that many seconds of windows per variant (time to 90 % of steady throughput from
# them), then the measured seconds in windows, each with its own CPU time per request from
# /proc/<pid>/stat and its own latency percentiles; results.tsv gives the median of a
# variant's measured windows, and the allocation per request from the allocation samples of a
# JFR recording (benchmarks/load/recording.jfc, from JVM start to exit) that fall in them.
# An app waiting for its turn is idle; its own CPU time is not counted in anyone's. Compare
# ratios within one run.
# Usage: benchmarks/load/ab.sh [rounds] [warmup-seconds] [measure-seconds] [stacks] [variants]
#   e.g. benchmarks/load/ab.sh 1 60 20 "mvc webflux" "bare full no-access glue agent"
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-1}
WARMUP=${2:-60}
MEASURE=${3:-20}
STACKS=${4:-mvc webflux}
VARIANTS=${5:-bare full no-access glue agent}
PORT=${PORT:-18099}
OUT=${OUT:-benchmarks/target/load}
AGENT_VERSION=2.33.1
mkdir -p "$OUT"
CLK_TCK=$(getconf CLK_TCK)

./mvnw -B -q -pl benchmarks -am package -DskipTests
AGENT_JAR="$OUT/opentelemetry-javaagent-$AGENT_VERSION.jar"
if [[ " $VARIANTS " == *" agent "* && ! -f "$AGENT_JAR" ]]; then
  ./mvnw -B -q dependency:copy -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$AGENT_VERSION" \
    -DoutputDirectory="$OUT" -Dmdep.stripVersion=false
fi
FULL_CP="benchmarks/target/classes:$(cat benchmarks/target/load.classpath)"
OBSERVABILITY='micrometer-(core|registry|tracing|jakarta9)|spring-boot-micrometer|opentelemetry|prometheus|zipkin|HdrHistogram|LatencyUtils|spring-boot-actuator|spring-boot-health'
# The bare classpath keeps the web stacks and drops the starter and everything it brings.
BARE_CP=$(echo "$FULL_CP" | tr ':' '\n' \
  | grep -Ev "observability-spring-boot|security-metrics-core|logstash|$OBSERVABILITY" | paste -sd: -)
# The glue classpath keeps actuator, Prometheus and OpenTelemetry and drops the starter (and
# the Zipkin exporter it bundles).
GLUE_CP=$(echo "$FULL_CP" | tr ':' '\n' \
  | grep -Ev 'observability-spring-boot|security-metrics-core|logstash|zipkin' | paste -sd: -)

BEFORE_CP=
if [[ " $VARIANTS " == *"-before "* ]]; then
  [[ -n ${BEFORE:-} && -f "$BEFORE/benchmarks/target/load.classpath" ]] \
    || { echo "BEFORE must name an earlier checkout whose benchmarks module is built" >&2; exit 1; }
  BEFORE_CP="$BEFORE/benchmarks/target/classes:$(cat "$BEFORE/benchmarks/target/load.classpath")"
fi

cpu_ticks() { # pid -> utime+stime in clock ticks (fields 14 and 15; the (comm) field may hold spaces)
  sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

threads_snapshot() { # pid thread-name-regex -> "tid ticks" for each such thread alive now (utime+stime in clock ticks)
  # -s and '|| true': a thread may end between the glob and the read.
  { grep -hsE "^[0-9]+ \\(($2)" /proc/"$1"/task/*/stat || true; } \
    | sed 's/^\([0-9]*\) .*) /\1 /' | awk '{print $1, $13 + $14}'
}

JIT_THREADS='C1 CompilerThre|C2 CompilerThre'
# The app gets one CPU, so the JVM picks the Serial collector, which collects in the VM
# Thread (a safepoint operation); the others are G1's or Parallel's workers, for a run
# that gives it more.
GC_THREADS='VM Thread|GC Thread|G1 '

ticks_between() { # snapshot-before snapshot-after -> ticks those threads used in between
  # A thread started in between counts from zero; one that ended in between is missed (the
  # JVM retires idle compiler threads), so this is a lower bound.
  awk 'NR == FNR {before[$1] = $2; next} {sum += $2 - before[$1]} END {print sum + 0}' "$1" "$2"
}

start_app() { # stack variant port
  local stack=$1 variant=$2 cp=$FULL_CP jvm=() args=()
  [[ $stack == webflux ]] && args+=(--spring.main.web-application-type=reactive)
  local kind=$variant
  # A '-limited' suffix (full-limited, no-access-limited) runs that variant with Reactor's context propagation 'limited'.
  [[ $kind == *-limited ]] && { args+=(--spring.reactor.context-propagation=limited); kind=${kind%-limited}; }
  # A '-mgmt' suffix (no-access-mgmt, full-mgmt) puts the management server on its own port, and with it
  # Actuator's handler mappings and the starter's endpoint routes, which the application port's requests then skip.
  if [[ $kind == *-mgmt ]]; then
    args+=(--management.server.port=$(($3 + 1000))); kind=${kind%-mgmt}
    # The class path holds Tomcat beside Netty; a reactive management context must not get both factories.
    [[ $stack == webflux ]] && args+=(--spring.autoconfigure.exclude=org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration)
  fi
  if [[ $kind == *-before ]]; then cp=$BEFORE_CP; kind=${kind%-before}; fi
  case $kind in
    bare) cp=$BARE_CP ;;
    full-wake) args+=(--observability.logging.async.flush-interval=0) ;;
    no-access) args+=(--observability.logging.access-log.enabled=false) ;;
    glue) cp=$GLUE_CP; jvm+=(-Dping.log-per-request=true)
      args+=(--management.tracing.sampling.probability=1.0 --logging.structured.format.console=logstash
        --management.endpoints.web.exposure.include=health,prometheus --management.otlp.metrics.export.enabled=false
        --management.tracing.export.otlp.enabled=false) ;;
    agent) cp=$BARE_CP; jvm+=("-javaagent:$AGENT_JAR" -Dotel.traces.exporter=none -Dotel.metrics.exporter=none
        -Dotel.logs.exporter=none -Dotel.javaagent.logging=none) ;;
  esac
  local port=$3
  START_NS=$(date +%s%N)
  taskset -c 0 java "${jvm[@]}" -XX:StartFlightRecording=settings="$PWD/benchmarks/load/recording.jfc",dumponexit=true,filename="$OUT/$stack-$variant.jfr" \
    -cp "$cp" dev.aisd.observability.benchmarks.load.PingApplication \
    --server.port="$port" --spring.application.name=ping "${args[@]}" >"$OUT/$stack-$variant.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/api/ping" >/dev/null 2>&1 && break
    sleep 0.1
  done
  READY_S=$(awk -v a="$START_NS" -v b="$(date +%s%N)" 'BEGIN {printf "%.2f", (b - a) / 1e9}')
  # With a management port of its own the application port answers before the management
  # context has started and Spring Boot has logged its "Started" line.
  for _ in $(seq 1 600); do
    grep -q 'Started PingApplication in' "$OUT/$stack-$variant.log" && break
    sleep 0.1
  done
  grep -q 'Started PingApplication in' "$OUT/$stack-$variant.log" \
    || { echo "$stack $variant did not start:" >&2; tail -n 20 "$OUT/$stack-$variant.log" >&2; exit 1; }
}

rps_of() { awk '/Requests\/sec/ {print $2}' "$1"; }

latency_ms() { # wrk --latency output, percentile label (50%, 99%) -> milliseconds
  awk -v p="$2" '$1 == p {v = $2 + 0; print (v == 0) ? 0 : ($2 ~ /us$/) ? v / 1000 : ($2 ~ /ms$/) ? v : v * 1000}' "$1"
}

median() { # numbers on stdin, one per line -> their median
  sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

per_request() { # clock-ticks wrk-output -> CPU µs per request served in that wrk run
  awk -v d="$1" -v hz="$CLK_TCK" '/requests in/ {printf "%.1f", d * 1e6 / hz / $1}' "$2"
}

mark() { # pid -> remember the CPU ticks of the process, its compiler threads and its GC threads now
  MARK_TICKS=$(cpu_ticks "$1")
  threads_snapshot "$1" "$JIT_THREADS" >"$OUT/jit.before"; threads_snapshot "$1" "$GC_THREADS" >"$OUT/gc.before"
}

since_mark() { # pid wrk-output -> "cpu jit gc" µs per request since mark, over that wrk run
  local ticks; ticks=$(cpu_ticks "$1")
  threads_snapshot "$1" "$JIT_THREADS" >"$OUT/jit.after"; threads_snapshot "$1" "$GC_THREADS" >"$OUT/gc.after"
  echo "$(per_request $((ticks - MARK_TICKS)) "$2")" \
    "$(per_request "$(ticks_between "$OUT/jit.before" "$OUT/jit.after")" "$2")" \
    "$(per_request "$(ticks_between "$OUT/gc.before" "$OUT/gc.after")" "$2")"
}

printf 'round\tstack\tvariant\treq_per_s\tp50_ms\tp99_ms\tcpu_us_per_req\tjit_us_per_req\tgc_us_per_req\talloc_kb_per_req\tstartup_s\tready_s\tt90_s\taccess_lines\trequests\n' \
  | tee "$OUT/results.tsv"
declare -A PID PORT_OF READY STARTUP BEFORE_LINES
for round in $(seq 1 "$ROUNDS"); do
  for stack in $STACKS; do
    i=0
    for variant in $VARIANTS; do
      PORT_OF[$variant]=$((PORT + i)); i=$((i + 1))
      start_app "$stack" "$variant" "${PORT_OF[$variant]}"
      PID[$variant]=$APP_PID; READY[$variant]=$READY_S
      STARTUP[$variant]=$(grep -o 'Started PingApplication in [0-9.]* seconds' "$OUT/$stack-$variant.log" | grep -o '[0-9.]*' | head -1)
      : >"$OUT/$stack-$variant.windows"
    done
    # One line per 5 s warm-up window: seconds, req/s, CPU µs per request, of which JIT, of which GC threads.
    for w in $(seq 5 5 "$WARMUP"); do
      for variant in $VARIANTS; do
        mark "${PID[$variant]}"
        taskset -c 1 wrk -t1 -c16 -d5s "http://127.0.0.1:${PORT_OF[$variant]}/api/ping" >"$OUT/window.wrk"
        echo "$w $(rps_of "$OUT/window.wrk") $(since_mark "${PID[$variant]}" "$OUT/window.wrk")" >>"$OUT/$stack-$variant.windows"
      done
    done
    for variant in $VARIANTS; do
      BEFORE_LINES[$variant]=$(grep -c 'Handled request' "$OUT/$stack-$variant.log" || true)
      : >"$OUT/$stack-$variant.measured"; : >"$OUT/$stack-$variant.ranges"
    done
    # One line per 5 s measured window: req/s, p50 ms, p99 ms, CPU, JIT and GC µs per request,
    # requests; and its start and end time of day, for the allocation samples.
    for _ in $(seq 5 5 "$MEASURE"); do
      for variant in $VARIANTS; do
        from=$(date '+%T.%3N')
        mark "${PID[$variant]}"
        taskset -c 1 wrk -t1 -c16 -d5s --latency "http://127.0.0.1:${PORT_OF[$variant]}/api/ping" >"$OUT/window.wrk"
        echo "$(rps_of "$OUT/window.wrk") $(latency_ms "$OUT/window.wrk" 50%) $(latency_ms "$OUT/window.wrk" 99%)" \
          "$(since_mark "${PID[$variant]}" "$OUT/window.wrk") $(awk '/requests in/ {print $1}' "$OUT/window.wrk")" \
          >>"$OUT/$stack-$variant.measured"
        echo "$from $(date '+%T.%3N')" >>"$OUT/$stack-$variant.ranges"
      done
    done
    for variant in $VARIANTS; do kill "${PID[$variant]}"; done
    for variant in $VARIANTS; do wait "${PID[$variant]}" 2>/dev/null || true; done # each writes its recording at exit
    for variant in $VARIANTS; do
      measured="$OUT/$stack-$variant.measured"
      after=$(grep -c 'Handled request' "$OUT/$stack-$variant.log" || true)
      column_median() { awk -v c="$1" '{print $c}' "$measured" | median; }
      rps=$(column_median 1); p50=$(column_median 2); p99=$(column_median 3)
      cpu=$(column_median 4); jit=$(column_median 5); gc=$(column_median 6)
      requests=$(awk '{n += $7} END {print n}' "$measured")
      # The allocation samples inside the measured windows ('startTime = 19:01:40.123', local
      # time of day like the ranges; a window across midnight wraps).
      alloc=$(jfr print --events jdk.ObjectAllocationSample "$OUT/$stack-$variant.jfr" 2>/dev/null \
        | awk -v n="$requests" '
          NR == FNR {from[FNR] = $1; to[FNR] = $2; windows = FNR; next}
          /startTime = / {t = $3; inside = 0
            for (k = 1; k <= windows; k++) if ((from[k] <= to[k]) ? (t >= from[k] && t <= to[k]) : (t >= from[k] || t <= to[k])) inside = 1}
          /weight = / && inside {v=$3; u=$4; m=(u ~ /kB/)?1024:(u ~ /MB/)?1048576:(u ~ /GB/)?1073741824:1; s+=v*m}
          END {printf "%.1f", s / 1024 / n}' "$OUT/$stack-$variant.ranges" -)
      t90=$(awk -v steady="$rps" '$2 >= 0.9 * steady {print $1; exit}' "$OUT/$stack-$variant.windows")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$stack" "$variant" "$rps" "$p50" "$p99" \
        "$cpu" "$jit" "$gc" "$alloc" "${STARTUP[$variant]}" "${READY[$variant]}" "${t90:->$WARMUP}" \
        "$((after - BEFORE_LINES[$variant]))" "$requests" | tee -a "$OUT/results.tsv"
    done
  done
done

# Ratios against bare of the same stack and round; cpu_less_jit leaves out the JIT compiler
# threads on both sides (the part of the cost that warm-up still pays).
# Columns are found by their header names, so a column added to results.tsv moves none.
awk -F'\t' 'NR == 1 {for (i = 1; i <= NF; i++) c[$i] = i; next}
  {key=$1 FS $2; if ($3 == "bare") {rps[key]=$c["req_per_s"]; cpu[key]=$c["cpu_us_per_req"];
    jit[key]=$c["jit_us_per_req"]; st[key]=$c["startup_s"]} row[NR]=$0}
  END {print "\nround\tstack\tvariant\treq_per_s_vs_bare\tcpu_vs_bare\tcpu_less_jit_vs_bare\tstartup_vs_bare";
    for (i = 2; i <= NR; i++) {split(row[i], f, "\t"); key=f[1] FS f[2];
      if (rps[key] > 0) printf "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%.2f\n", f[1], f[2], f[3], f[c["req_per_s"]] / rps[key],
        f[c["cpu_us_per_req"]] / cpu[key], (f[c["cpu_us_per_req"]] - f[c["jit_us_per_req"]]) / (cpu[key] - jit[key]),
        f[c["startup_s"]] / st[key]}}' \
  "$OUT/results.tsv" | tee "$OUT/ratios.tsv"
