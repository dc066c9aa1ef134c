#!/usr/bin/env bash
# What an open console tab costs the sample service, idle and under load, in one alternating run.
#   none    no tab open
#   poll    a tab of this version: every 2 s one GET ?data=poll with If-None-Match and the
#           session cookie (and the cached Basic credentials a browser sends along), every fifth
#           tick /health and the scorecard as well
#   legacy  what the previous page did: every 2 s three GETs (?data=routes, ?data=latency,
#           ?data=health-history) with If-None-Match, each authenticated by HTTP Basic alone
#           (no session, so each one checks the BCrypt hash), every fifth tick /health and the
#           scorecard as well
# Method: the sample pinned to CPU 0 (taskset -c 0); under load, wrk -t1 -c16 on CPU 1 drives
# GET /api/items and the poller runs on CPU 1 too. After a warm-up the variants alternate in
# windows of equal length; each window reads the sample's utime+stime from /proc/<pid>/stat.
# Idle, the cost of a tab is the difference in CPU % of one core. Under load the pinned sample
# is saturated either way, so the tab's cost is the rise of CPU time per API request:
# (cpu_us_per_req[tab] / cpu_us_per_req[none] - 1) in %, the share of the CPU the tab took.
# Usage: benchmarks/load/console-poll.sh [rounds] [window-seconds] [warmup-seconds] [variants]
#   e.g. benchmarks/load/console-poll.sh 3 30 60 "none poll legacy"
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-3}
WINDOW=${2:-30}
WARMUP=${3:-60}
VARIANTS=${4:-none poll legacy}
PHASES=${PHASES:-windows cost weight}
PORT=${PORT:-18098}
OUT=${OUT:-benchmarks/target/console-poll}
POLL_S=${POLL_S:-2}
PASSWORD="poll-$$"
BASE="http://127.0.0.1:$PORT"
CLK_TCK=$(getconf CLK_TCK)
mkdir -p "$OUT"

jar=$(ls sample-service/target/sample-service-*.jar 2>/dev/null | grep -v original | head -n1 || true)
if [[ -z $jar || ${BUILD:-1} == 1 ]]; then
  ./mvnw -B -q -pl sample-service -am package -DskipTests
  jar=$(ls sample-service/target/sample-service-*.jar | grep -v original | head -n1)
fi

taskset -c 0 java -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
  --sample.security.operator-password="$PASSWORD" --management.tracing.export.otlp.enabled=false \
  --management.otlp.metrics.export.enabled=false >"$OUT/sample.log" 2>&1 &
APP=$!
POLLER=
trap 'stop_poller; kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "$BASE/health/live" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fs "$BASE/health/live" >/dev/null || { echo "sample did not start" >&2; tail -n 50 "$OUT/sample.log" >&2; exit 1; }

cpu_ticks() { # utime+stime in clock ticks (fields 14 and 15; the (comm) field may hold spaces)
  sed 's/^.*) //' "/proc/$APP/stat" | awk '{print $12 + $13}'
}

# One conditional GET as the page's getJson sends it; keeps the ETag per URL in $OUT/etags.
fetch() { # url [auth: cookie|basic|both]
  local url=$1 auth=$2 key etag args=(-s -o "$OUT/body" -D "$OUT/headers" -H 'Accept: application/json')
  key=$(printf '%s' "$url" | md5sum | cut -c1-16)
  etag=$(cat "$OUT/etags/$key" 2>/dev/null || true)
  [[ -n $etag ]] && args+=(-H "If-None-Match: $etag")
  [[ $auth == basic || $auth == both ]] && args+=(-u "operator:$PASSWORD")
  [[ $auth == cookie || $auth == both ]] && args+=(-b "$OUT/cookies" -c "$OUT/cookies")
  curl "${args[@]}" "$url" || true
  etag=$(awk 'tolower($1) == "etag:" {sub(/\r$/, ""); print $2}' "$OUT/headers")
  [[ -n $etag ]] && printf '%s' "$etag" >"$OUT/etags/$key"
  return 0
}

poller() { # variant: what one open tab does, forever
  local variant=$1 tick=0
  rm -rf "$OUT/etags" "$OUT/cookies"
  mkdir -p "$OUT/etags"
  if [[ $variant == poll ]]; then
    # Opening the page is the one request that checks the password.
    curl -s -o /dev/null -u "operator:$PASSWORD" -c "$OUT/cookies" "$BASE/observability"
  fi
  while true; do
    if [[ $variant == poll ]]; then
      fetch "$BASE/observability?data=poll" both
      auth=both
    else
      for view in routes latency health-history; do fetch "$BASE/observability?data=$view" basic; done
      auth=basic
    fi
    if ((tick % 5 == 0)); then
      fetch "$BASE/health" $auth
      fetch "$BASE/observability/security/scorecard" $auth
    fi
    tick=$((tick + 1))
    sleep "$POLL_S"
  done
}

start_poller() {
  [[ $1 == none ]] && return 0
  taskset -c 1 bash -c "$(declare -f fetch poller); OUT='$OUT' PASSWORD='$PASSWORD' BASE='$BASE' POLL_S='$POLL_S'; poller $1" \
    >/dev/null 2>&1 &
  POLLER=$!
}

stop_poller() {
  if [[ -n $POLLER ]]; then
    kill "$POLLER" 2>/dev/null || true
    wait "$POLLER" 2>/dev/null || true
    POLLER=
  fi
}

window() { # round mode variant
  local round=$1 mode=$2 variant=$3 t0 t1 requests=0 cpu_pct us_per_req=
  start_poller "$variant"
  sleep 1 # the page's first, full load is not part of the steady cost
  t0=$(cpu_ticks)
  if [[ $mode == load ]]; then
    taskset -c 1 wrk -t1 -c16 -d"${WINDOW}s" "$BASE/api/items" >"$OUT/window.wrk"
    requests=$(awk '/requests in/ {print $1}' "$OUT/window.wrk")
  else
    sleep "$WINDOW"
  fi
  t1=$(cpu_ticks)
  stop_poller
  cpu_pct=$(awk -v d=$((t1 - t0)) -v hz="$CLK_TCK" -v w="$WINDOW" 'BEGIN {printf "%.2f", d / hz / w * 100}')
  if ((requests > 0)); then
    us_per_req=$(awk -v d=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.1f", d * 1e6 / hz / n}')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$variant" "$cpu_pct" "$requests" "${us_per_req:--}" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.tsv"
}

if [[ " $PHASES " == *" windows "* ]]; then
printf 'round\tmode\tvariant\tcpu_pct_of_one_core\tapi_requests\tcpu_us_per_api_req\tloadavg\n' | tee "$OUT/results.tsv"
echo "warm-up: ${WARMUP}s of load, with every poller variant running (their code paths are compiled too)" >&2
WARM_POLLERS=()
for variant in $VARIANTS; do
  if [[ $variant != none ]]; then
    OUT_SAVED=$OUT; OUT="$OUT/warm-$variant"; mkdir -p "$OUT"; start_poller "$variant"; WARM_POLLERS+=("$POLLER")
    POLLER=; OUT=$OUT_SAVED
  fi
done
taskset -c 1 wrk -t1 -c16 -d"${WARMUP}s" "$BASE/api/items" >/dev/null
for pid in "${WARM_POLLERS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
read -r -a ORDER <<<"$VARIANTS"
for round in $(seq 1 "$ROUNDS"); do
  for mode in idle load; do
    # Each round starts with the next variant: a drift within a round (heap, JIT) favours none.
    for i in $(seq 0 $((${#ORDER[@]} - 1))); do
      window "$round" "$mode" "${ORDER[$(((i + round - 1) % ${#ORDER[@]}))]}"
    done
  done
done
fi

# CPU per request of each kind of request a tab sends, each driven alone by wrk over one kept-alive
# connection (as a browser's) for 15 s after a 15 s warm-up: much steadier than the windows above on
# a busy host. A tab's cost is then its request rate times these: one poll per tick, /health and the
# scorecard every fifth tick; the previous page sent three Basic-authenticated views per tick.
if [[ " $PHASES " == *" cost "* ]]; then
  curl -s -o /dev/null -u "operator:$PASSWORD" -c "$OUT/cost-cookies" "$BASE/observability"
  session=$(awk '$6 == "JSESSIONID" {print $7}' "$OUT/cost-cookies")
  basic="Authorization: Basic $(printf 'operator:%s' "$PASSWORD" | base64)"
  cookie="Cookie: JSESSIONID=$session"
  poll_tag=$(curl -s -D - -o /dev/null -H "$cookie" "$BASE/observability?data=poll" | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); print $2}')
  cost() { # label path headers...
    local label=$1 path=$2 t0 t1 n
    shift 2
    local headers=()
    for h in "$@"; do headers+=(-H "$h"); done
    taskset -c 1 wrk -t1 -c1 -d15s "${headers[@]}" "$BASE$path" >/dev/null
    t0=$(cpu_ticks)
    taskset -c 1 wrk -t1 -c1 -d15s "${headers[@]}" "$BASE$path" >"$OUT/cost.wrk"
    t1=$(cpu_ticks)
    n=$(awk '/requests in/ {print $1}' "$OUT/cost.wrk")
    printf '%s\t%s\t%s\t%s\n' "$label" "$n" "$(awk -v d=$((t1 - t0)) -v hz="$CLK_TCK" -v n="$n" 'BEGIN {printf "%.1f", d * 1e6 / hz / n}')" \
      "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/cost.tsv"
  }
  printf '\nrequest\trequests\tcpu_us_per_req\tloadavg\n' | tee "$OUT/cost.tsv"
  # Idle, nothing changes between polls: the tag matches (304). Under load every poll is a 200.
  cost 'poll, 304 (cookie + Basic)' '/observability?data=poll' "$cookie" "$basic" "If-None-Match: $poll_tag"
  cost 'poll, 200 (cookie + Basic)' '/observability?data=poll' "$cookie" "$basic"
  cost '/health, 200 (cookie)' '/health' "$cookie"
  cost 'scorecard, 200 (cookie)' '/observability/security/scorecard' "$cookie"
  # The previous page: each view with Basic alone, so each one checks the BCrypt hash. (A view of
  # the console path would now open a session per request; the traces endpoint never does.)
  cost 'Basic only, BCrypt checked (traces, limit=0)' '/observability/traces?limit=0' "$basic"
  cost 'cookie only (traces, limit=0)' '/observability/traces?limit=0' "$cookie"
  awk -F'\t' -v tick="$POLL_S" 'NR > 2 {c[$1]=$3} END {
    p304=c["poll, 304 (cookie + Basic)"]; p200=c["poll, 200 (cookie + Basic)"]; h=c["/health, 200 (cookie)"];
    s=c["scorecard, 200 (cookie)"]; b=c["Basic only, BCrypt checked (traces, limit=0)"]; k=c["cookie only (traces, limit=0)"];
    side=(h + s) / 5;
    printf "\ntab\tcpu_us_per_tick\tpct_of_one_core\n";
    printf "this page, idle (poll 304)\t%.0f\t%.2f\n", p304 + side, (p304 + side) / tick / 1e4;
    printf "this page, under load (poll 200)\t%.0f\t%.2f\n", p200 + side, (p200 + side) / tick / 1e4;
    printf "previous page (3 views with Basic, estimated)\t%.0f\t%.2f\n", 3 * (p304 + b - k) + (h + s + 2 * (b - k)) / 5,
      (3 * (p304 + b - k) + (h + s + 2 * (b - k)) / 5) / tick / 1e4}' "$OUT/cost.tsv" | tee -a "$OUT/cost.tsv"
fi

if [[ " $PHASES " == *" weight "* ]]; then
# Weight of the page and of one poll (bytes, and gzip -9 as server.compression would send it).
weigh() { # label, then curl arguments
  local label=$1
  shift
  curl -s "$@" -o "$OUT/weigh"
  printf '%s\t%s\t%s\n' "$label" "$(wc -c <"$OUT/weigh")" "$(gzip -9c "$OUT/weigh" | wc -c)"
}
{
  printf '\npart\tbytes\tgzip_9\n'
  weigh html -u "operator:$PASSWORD" "$BASE/observability"
  weigh console.js -u "operator:$PASSWORD" "$BASE/observability?asset=console.js"
  weigh console.css -u "operator:$PASSWORD" "$BASE/observability?asset=console.css"
  weigh 'poll (200)' -u "operator:$PASSWORD" "$BASE/observability?data=poll"
  weigh /health -u "operator:$PASSWORD" "$BASE/health"
  weigh scorecard -u "operator:$PASSWORD" "$BASE/observability/security/scorecard"
} | tee "$OUT/weight.tsv"
fi

[[ " $PHASES " == *" windows "* ]] || exit 0
# The tab's cost, paired with 'none' of the same round and mode, median over the rounds: idle, the
# difference in CPU % of one core; under load, the rise of CPU time per API request in %.
awk -F'\t' 'NR > 1 && NF == 7 {cpu[$1 FS $2 FS $3]=$4; us[$1 FS $2 FS $3]=$6; rounds[$1]=1; kinds[$2 FS $3]=1}
  function median(list, n,   i, j, t) {for (i = 2; i <= n; i++) for (j = i; j > 1 && list[j-1] > list[j]; j--) {t=list[j]; list[j]=list[j-1]; list[j-1]=t}
    return (n % 2) ? list[(n + 1) / 2] : (list[n / 2] + list[n / 2 + 1]) / 2}
  END {for (k in kinds) {split(k, f, FS); if (f[2] == "none") continue; n=0; delete v; all=""
      for (r in rounds) {a=r FS k; b=r FS f[1] FS "none"; if (!(a in cpu) || !(b in cpu)) continue
        if (f[1] == "idle") x=cpu[a] - cpu[b]; else if (us[a] != "-" && us[b] != "-") x=(us[a] / us[b] - 1) * 100; else continue
        v[++n]=x; all=all sprintf(" %+.2f", x)}
      if (n > 0) printf "%s\t%s\t%+.2f\t%s\t%s\n", f[1], f[2], median(v, n), (f[1] == "idle") ? "% of one core" : "% CPU per API request", all}}' \
  "$OUT/results.tsv" | sort | { printf '\nmode\tvariant\tmedian_cost_vs_none\tunit\tper_round\n'; cat; } | tee "$OUT/summary.tsv"
