#!/usr/bin/env bash
# Run Prometheus and Alertmanager (and Grafana, when installed) on loopback against a
# service that is already running, with this directory's configuration, rules and
# dashboards. Everything lives in a temporary directory that is removed on exit.
#
#   monitoring/run-local.sh                     # service on localhost:8080
#   TARGET=localhost:9000 monitoring/run-local.sh
#
# Environment: TARGET (host:port of the service, default localhost:8080),
# PROMETHEUS_PORT (9090), ALERTMANAGER_PORT (9093), GRAFANA_PORT (3000),
# SCRAPE_INTERVAL (5s; the shipped file says 15s).
# Needs: prometheus and prometheus-alertmanager on the PATH (Debian packages
# prometheus, prometheus-alertmanager); grafana-server is optional.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="${TARGET:-localhost:8080}"
prometheus_port="${PROMETHEUS_PORT:-9090}"
alertmanager_port="${ALERTMANAGER_PORT:-9093}"
grafana_port="${GRAFANA_PORT:-3000}"
interval="${SCRAPE_INTERVAL:-5s}"

for tool in prometheus prometheus-alertmanager; do
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install prometheus prometheus-alertmanager" >&2; exit 1; }
done

work="$(mktemp -d -t observability-monitoring.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/rules" "$work/alertmanager" "$work/prometheus"
cp "$here"/rules/*.yml "$work/rules/"
sed -e "s/localhost:8080/$target/g" \
    -e "s/localhost:9093/127.0.0.1:$alertmanager_port/" \
    -e "s/scrape_interval: 15s/scrape_interval: $interval/" \
    -e "s/scrape_timeout: 10s/scrape_timeout: $interval/" \
    -e "s/evaluation_interval: 15s/evaluation_interval: $interval/" \
    "$here/prometheus.yml" > "$work/prometheus.yml"

prometheus-alertmanager --config.file="$here/alertmanager.yml" --storage.path="$work/alertmanager" \
  --web.listen-address="127.0.0.1:$alertmanager_port" --cluster.listen-address= \
  >"$work/alertmanager.log" 2>&1 &
alertmanager_pid=$!
pids+=($alertmanager_pid)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prometheus" \
  --web.listen-address="127.0.0.1:$prometheus_port" --web.enable-lifecycle \
  >"$work/prometheus.log" 2>&1 &
prometheus_pid=$!
pids+=($prometheus_pid)

grafana_bin="$(command -v grafana-server || command -v grafana || true)"
if [[ -n "$grafana_bin" ]]; then
  mkdir -p "$work/grafana/provisioning/datasources" "$work/grafana/provisioning/dashboards" "$work/grafana/data"
  sed -e "s#http://127.0.0.1:9090#http://127.0.0.1:$prometheus_port#" -e "s/timeInterval: 15s/timeInterval: $interval/" \
    "$here/grafana/provisioning/datasources/prometheus.yml" > "$work/grafana/provisioning/datasources/prometheus.yml"
  sed -e "s#/var/lib/grafana/dashboards/observability#$here/grafana/dashboards#" \
    "$here/grafana/provisioning/dashboards/observability.yml" > "$work/grafana/provisioning/dashboards/observability.yml"
  home="${GRAFANA_HOME:-/usr/share/grafana}"
  subcommand=(); [[ "$(basename "$grafana_bin")" == grafana ]] && subcommand=(server)
  GF_PATHS_PROVISIONING="$work/grafana/provisioning" GF_PATHS_DATA="$work/grafana/data" \
  GF_PATHS_LOGS="$work/grafana" GF_SERVER_HTTP_ADDR=127.0.0.1 GF_SERVER_HTTP_PORT="$grafana_port" \
  GF_AUTH_ANONYMOUS_ENABLED=true GF_AUTH_ANONYMOUS_ORG_ROLE=Viewer \
    "$grafana_bin" "${subcommand[@]}" --homepath="$home" >"$work/grafana.log" 2>&1 &
  pids+=($!)
fi

wait_ready() { # name pid url log
  for _ in $(seq 1 60); do
    if curl -fsS -o /dev/null "$3" 2>/dev/null; then return 0; fi
    kill -0 "$2" 2>/dev/null || break
    sleep 0.5
  done
  echo "$1 did not become ready; its log:" >&2; cat "$4" >&2; exit 1
}
wait_ready Alertmanager "$alertmanager_pid" "http://127.0.0.1:$alertmanager_port/-/ready" "$work/alertmanager.log"
wait_ready Prometheus "$prometheus_pid" "http://127.0.0.1:$prometheus_port/-/ready" "$work/prometheus.log"

echo "Scraping http://$target/metrics every $interval (job services)"
echo "Prometheus:   http://127.0.0.1:$prometheus_port   (alerts: /alerts, targets: /targets)"
echo "Alertmanager: http://127.0.0.1:$alertmanager_port"
if [[ -n "$grafana_bin" ]]; then
  echo "Grafana:      http://127.0.0.1:$grafana_port   (anonymous viewer; folder Observability)"
else
  echo "Grafana:      not installed; import monitoring/grafana/dashboards/*.json into yours"
fi
echo "Logs and data in $work (removed on exit). Ctrl-C stops everything."
wait
