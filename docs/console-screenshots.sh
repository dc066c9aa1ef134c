#!/usr/bin/env bash
# Regenerates the screenshots of docs/console.md: starts the sample service with its traffic
# generator, lets the console fill, and photographs it with headless Chromium
# (`chromium --headless --screenshot`). Run from the repository root: docs/console-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CHROMIUM:-chromium}"
PORT="${PORT:-18089}"
PASSWORD="screenshots-$$"
OUT=docs/images
BASE="http://127.0.0.1:${PORT}"
AUTH="operator:${PASSWORD}"

jar=$(ls sample-service/target/sample-service-*.jar 2>/dev/null | grep -v original | head -n1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -pl sample-service -am package -DskipTests
  jar=$(ls sample-service/target/sample-service-*.jar | grep -v original | head -n1)
fi

log=$(mktemp)
java -Xmx384m -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
  --sample.security.operator-password="$PASSWORD" --sample.traffic.enabled=true --sample.traffic.rate=20 \
  --management.tracing.sampling.probability=1.0 --management.tracing.export.otlp.enabled=false \
  --management.health.diskspace.path=/ >"$log" 2>&1 &
app=$!
profile=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$profile" "$log"' EXIT

for _ in $(seq 1 120); do
  curl -fs "$BASE/health/live" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$BASE/health/live" >/dev/null || { echo "sample did not start:"; tail -n 50 "$log"; exit 1; }

# Let the traffic generator fill the span buffer, the route histograms and the scorecard.
sleep 20
for i in 1 2 3 4 5; do curl -fs -o /dev/null "$BASE/api/items/$i/price" || true; done

shot() { # file width height url
  # The credentials in the URL log the page in; Chromium reuses them for the page's own
  # requests to the same origin. The virtual time budget lets the script poll a few times.
  "$CHROMIUM" --headless --disable-gpu --no-sandbox --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$2,$3" --virtual-time-budget=6000 --screenshot="$1" "$4" >/dev/null 2>&1
  echo "wrote $1"
}

shot "$OUT/console-overview.png" 1280 2200 "http://${AUTH}@127.0.0.1:${PORT}/observability"

trace=$(curl -fs -u "$AUTH" "$BASE/observability/traces?name=http%20GET%20/api/items/%7Bid%7D/price&limit=1" \
  | sed -n 's/.*"trace_id":"\([0-9a-f]\{32\}\)".*/\1/p' | head -n1)
if [ -n "$trace" ]; then
  shot "$OUT/console-waterfall.png" 1280 2600 "http://${AUTH}@127.0.0.1:${PORT}/observability#trace=${trace}"
fi

curl -fs -u "$AUTH" -X POST "$BASE/api/drills/health/database?fault=error" >/dev/null
curl -s -o /dev/null "$BASE/health"
shot "$OUT/console-health-error.png" 1280 2200 "http://${AUTH}@127.0.0.1:${PORT}/observability"
curl -fs -u "$AUTH" -X DELETE "$BASE/api/drills/health/database" >/dev/null
