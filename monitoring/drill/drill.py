#!/usr/bin/env python3
"""Health drill: break a dependency of a running service on purpose and prove, from the
monitoring backends rather than from the service, that telemetry kept flowing.

Against a running service and its real Prometheus, Alertmanager and Zipkin, the drill
  1. sends steady traffic and readiness-style probes for the whole drill,
  2. injects a fault through the service's drill switch
     (POST /api/drills/health/<check>?fault=<fault>, HTTP Basic operator:<password>),
  3. waits for the expected alert to be active in Alertmanager (time to detect),
  4. clears the fault (DELETE /api/drills/health/<check>),
  5. waits for the alert to leave Alertmanager (time to resolve),
and then verifies that
  - Prometheus scraped the target successfully all along (up == 1, no failed scrape),
  - Zipkin kept receiving spans of the service during the fault and after it,
  - every "Handled request" line of the JSON log in the drill window kept its
    request_id, trace_id and span_id, and logged trace ids are found in Zipkin.
It prints a pass/fail report with the timings and exits 0 when every check passed, 1 when
one failed, 2 when the drill could not start (bad arguments, a backend unreachable, an
unknown alert, the alert already active).

Only the Python standard library is used, so the command runs from CI or cron as is:

  monitoring/drill/drill.py --app http://127.0.0.1:8080 --prometheus http://127.0.0.1:9090 \\
      --alertmanager http://127.0.0.1:9093 --zipkin http://127.0.0.1:9411 \\
      --log /var/log/sample-service.json --operator-password "$OPERATOR_PASSWORD"

Other faults the service offers start and end with --inject and --clear instead, e.g. the
sample's attack spike: --inject 'POST /api/traffic/attack-spike?seconds=900'
--clear 'DELETE /api/traffic/attack-spike' --alert SecurityAttackRateSpike.

See docs/operations.md, section "Drills".
"""

import argparse
import base64
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone

TIMESTAMP = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$")


class DrillError(Exception):
    """The drill cannot run (exit code 2)."""


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Health drill against a running service and its backends.")
    parser.add_argument("--app", required=True, help="base URL of the service's application port")
    parser.add_argument("--management", help="base URL of the port serving /health and /metrics "
                        "(default: --app)")
    parser.add_argument("--prometheus", required=True, help="base URL of Prometheus")
    parser.add_argument("--alertmanager", required=True, help="base URL of Alertmanager")
    parser.add_argument("--zipkin", required=True, help="base URL of Zipkin")
    parser.add_argument("--log", required=True, help="file the service writes its JSON log lines to")
    parser.add_argument("--operator-password", default=os.environ.get("OPERATOR_PASSWORD"),
                        help="password of the operator user of the drill switches (default: $OPERATOR_PASSWORD); "
                        "without it the switches are called without credentials")
    parser.add_argument("--operator-user", default="operator")
    parser.add_argument("--service", default="sample-service", help="value of the service label and Zipkin "
                        "service name")
    parser.add_argument("--check", default="database", help="health check to break")
    parser.add_argument("--fault", default="error", choices=["error", "exception", "slow", "hang"])
    parser.add_argument("--inject", metavar="'METHOD PATH'", help="another switch that starts the fault, "
                        "instead of the health drill switch, e.g. 'POST /api/traffic/attack-spike?seconds=600'")
    parser.add_argument("--clear", metavar="'METHOD PATH'", help="the switch that ends the fault started by "
                        "--inject, e.g. 'DELETE /api/traffic/attack-spike'")
    parser.add_argument("--alert", default="HealthCheckCriticalFailing", help="alert the fault must fire")
    parser.add_argument("--up-selector", help="PromQL selector of the scrape target's up series "
                        "(default: up{instance=\"<host:port of --management>\"})")
    parser.add_argument("--traffic-path", default="/api/items", help="path requested during the drill")
    parser.add_argument("--traffic-rate", type=float, default=4.0, help="requests per second during the drill")
    parser.add_argument("--probe-path", default="/health", help="path probed every second during the drill, "
                        "which runs the health checks")
    parser.add_argument("--detect-timeout", type=float, default=180.0, help="seconds to wait for the alert")
    parser.add_argument("--resolve-timeout", type=float, default=180.0, help="seconds to wait for it to resolve")
    parser.add_argument("--settle", type=float, default=5.0, help="seconds of traffic before the fault and "
                        "after the alert resolved")
    args = parser.parse_args(argv)
    if bool(args.inject) != bool(args.clear):
        parser.error("--inject and --clear go together: a drill must end the fault it starts")
    args.switches = {"inject": switch(parser, args.inject, "--inject"), "clear": switch(parser, args.clear, "--clear")}
    if not args.inject:
        check = urllib.parse.quote(args.check, safe="")
        args.switches = {"inject": ("POST", "/api/drills/health/%s?fault=%s" % (check, args.fault)),
                         "clear": ("DELETE", "/api/drills/health/%s" % check)}
    args.management = (args.management or args.app).rstrip("/")
    args.app = args.app.rstrip("/")
    if not args.up_selector:
        host = urllib.parse.urlparse(args.management).netloc
        args.up_selector = 'up{instance="%s"}' % host
    return args


def switch(parser, value, option):
    if not value:
        return None
    parts = value.split()
    if len(parts) != 2 or parts[0] not in ("POST", "PUT", "DELETE", "GET") or not parts[1].startswith("/"):
        parser.error("%s must be 'METHOD /path', got %r" % (option, value))
    return parts[0], parts[1]


def describe(args):
    if args.inject:
        return "%s (cleared by %s)" % (args.inject, args.clear)
    return "%s fault=%s" % (args.check, args.fault)


def request(method, url, auth=None, timeout=10.0):
    """Return (status, body text); status 0 when the server could not be reached."""
    req = urllib.request.Request(url, method=method)
    if auth:
        token = base64.b64encode(("%s:%s" % auth).encode("utf-8")).decode("ascii")
        req.add_header("Authorization", "Basic " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError) as error:
        return 0, str(error)


def get_json(url, timeout=10.0):
    status, body = request("GET", url, timeout=timeout)
    if status != 200:
        raise DrillError("GET %s answered %s: %s" % (url, status, body[:300]))
    return json.loads(body)


def wait_until(condition, timeout, interval=0.5):
    """Poll condition() until it returns a true value; return it, or None on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


class Traffic(threading.Thread):
    """Steady requests and probes while the drill runs; counts what it sent."""

    def __init__(self, args):
        super().__init__(daemon=True)
        self.args = args
        self.stopped = threading.Event()
        self.sent = 0
        self.probes = 0

    def run(self):
        period = 1.0 / self.args.traffic_rate
        next_probe = 0.0
        while not self.stopped.is_set():
            now = time.monotonic()
            if now >= next_probe:
                request("GET", self.args.management + self.args.probe_path, timeout=5.0)
                self.probes += 1
                next_probe = now + 1.0
            status, _ = request("GET", self.args.app + self.args.traffic_path, timeout=5.0)
            if status:
                self.sent += 1
            self.stopped.wait(period)

    def stop(self):
        self.stopped.set()
        self.join(10)


class Report:
    def __init__(self):
        self.results = []

    def add(self, passed, name, detail):
        self.results.append((passed, name, detail))
        print("  %s  %-26s %s" % ("PASS" if passed else "FAIL", name, detail), flush=True)
        return passed

    @property
    def passed(self):
        return all(passed for passed, _, _ in self.results)


def active_alerts(args):
    query = urllib.parse.urlencode([("filter", 'alertname="%s"' % args.alert),
                                    ("filter", 'service="%s"' % args.service)])
    alerts = get_json(args.alertmanager + "/api/v2/alerts?" + query)
    return [alert for alert in alerts if alert.get("status", {}).get("state") in ("active", "suppressed")]


def preflight(args):
    for name, url in (("service", args.management + "/health/live"), ("Prometheus", args.prometheus + "/-/ready"),
                      ("Alertmanager", args.alertmanager + "/-/ready"), ("Zipkin", args.zipkin + "/health")):
        status, body = request("GET", url, timeout=5.0)
        if status != 200:
            raise DrillError("%s is not ready (%s answered %s: %s)" % (name, url, status, body[:200]))
    rules = get_json(args.prometheus + "/api/v1/rules?type=alert")
    names = {rule.get("name") for group in rules["data"]["groups"] for rule in group["rules"]}
    if args.alert not in names:
        raise DrillError("Prometheus has no alerting rule %s (it has %d others): the drill could never pass"
                         % (args.alert, len(names)))
    if active_alerts(args):
        raise DrillError("%s is already active for %s in Alertmanager: clear it before the drill"
                         % (args.alert, args.service))


def drill_switch(args, phase):
    method, path = args.switches[phase]
    url = args.app + path
    auth = (args.operator_user, args.operator_password) if args.operator_password else None
    return url, request(method, url, auth=auth)


def check_scrapes(args, report, start, end):
    seconds = max(1, int(end - start) + 1)
    at = "%.3f" % end

    def query(expr):
        body = get_json("%s/api/v1/query?%s" % (args.prometheus,
                                                urllib.parse.urlencode({"query": expr, "time": at})))
        return body["data"]["result"]

    samples = query("count_over_time(%s[%ds])" % (args.up_selector, seconds))
    lowest = query("min_over_time(%s[%ds])" % (args.up_selector, seconds))
    if not samples:
        return report.add(False, "scrapes kept succeeding", "no %s samples in the %d s of the drill"
                          % (args.up_selector, seconds))
    count = sum(float(series["value"][1]) for series in samples)
    minimum = min(float(series["value"][1]) for series in lowest)
    # A target Prometheus stopped scraping (gone from discovery, scrapes skipped) leaves
    # gaps rather than zeros: ask for at least half of the scrapes its interval promises.
    interval = scrape_interval(args)
    expected = seconds / interval if interval else 2
    return report.add(minimum == 1 and count >= max(2, expected / 2), "scrapes kept succeeding",
                      "%s: %d scrapes over %d s (every %s s), lowest up %g"
                      % (args.up_selector, count, seconds, interval or "?", minimum))


def scrape_interval(args):
    instance = re.search(r'instance="([^"]+)"', args.up_selector)
    targets = get_json(args.prometheus + "/api/v1/targets?state=active")["data"]["activeTargets"]
    for target in targets:
        if instance and target.get("labels", {}).get("instance") == instance.group(1):
            return parse_duration(target.get("scrapeInterval", ""))
    return None


def parse_duration(text):
    """Seconds of a Prometheus duration such as 15s, 1m or 1m30s; None when unparsable."""
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
    parts = re.findall(r"(\d+)(ms|s|m|h|d)", text or "")
    return sum(int(number) * units[unit] for number, unit in parts) or None


def zipkin_spans(args, start, end):
    query = urllib.parse.urlencode({"serviceName": args.service, "endTs": int(end * 1000),
                                    "lookback": int((end - start) * 1000) + 1, "limit": 10000})
    traces = get_json(args.zipkin + "/api/v2/traces?" + query)
    spans = [span for trace in traces for span in trace]
    return [span for span in spans if start * 1e6 <= span.get("timestamp", 0) <= end * 1e6]


def parse_timestamp(text):
    match = TIMESTAMP.match(text or "")
    if not match:
        return None
    base, fraction, zone = match.groups()
    fraction = (fraction or "0")[:6].ljust(6, "0")
    zone = "+00:00" if zone == "Z" else zone
    return datetime.fromisoformat("%s.%s%s" % (base, fraction, zone)).timestamp()


def check_logs(args, report, start, end, found_in_zipkin):
    lines = 0
    missing = []
    unparsable = 0
    trace_ids = []
    try:
        with open(args.log, encoding="utf-8", errors="replace") as log:
            for raw in log:
                raw = raw.strip()
                if not raw.startswith("{"):
                    continue
                try:
                    line = json.loads(raw)
                except ValueError:
                    unparsable += 1
                    continue
                at = parse_timestamp(line.get("timestamp"))
                if at is None or not (start <= at <= end) or line.get("message") != "Handled request":
                    continue
                lines += 1
                absent = [field for field in ("request_id", "trace_id", "span_id") if not line.get(field)]
                if absent:
                    missing.append("%s %s: no %s" % (line.get("timestamp"), line.get("path"), ", ".join(absent)))
                elif line.get("path") == args.traffic_path:
                    trace_ids.append(line["trace_id"])
    except OSError as error:
        return report.add(False, "log lines kept their ids", "cannot read %s: %s" % (args.log, error))
    if lines == 0:
        return report.add(False, "log lines kept their ids", "no \"Handled request\" line in the drill window "
                          "of %s" % args.log)
    if missing or unparsable:
        return report.add(False, "log lines kept their ids", "%d of %d lines lack ids (%s); %d unparsable JSON lines"
                          % (len(missing), lines, "; ".join(missing[:3]), unparsable))
    sampled = trace_ids[:: max(1, len(trace_ids) // 20)][:20]
    correlated = sum(1 for trace_id in sampled if trace_id in found_in_zipkin)
    return report.add(correlated > 0, "log lines kept their ids",
                      "%d \"Handled request\" lines, all with request_id, trace_id and span_id; %d of %d sampled "
                      "trace ids found in Zipkin" % (lines, correlated, len(sampled)))


def run(args):
    print("Health drill: %s on %s, expecting %s" % (describe(args), args.service, args.alert), flush=True)
    preflight(args)
    report = Report()
    traffic = Traffic(args)
    started = time.time()
    traffic.start()
    detected = cleared = resolved = None
    try:
        time.sleep(args.settle)
        url, (status, body) = drill_switch(args, "inject")
        injected = time.time()
        if not report.add(200 <= status < 300, "fault injected", "%s %s -> %s %s"
                          % (args.switches["inject"][0], url, status, body[:120])):
            return report, None, None
        if wait_until(lambda: active_alerts(args), args.detect_timeout):
            detected = time.time()
            report.add(True, "alert fired", "%s active in Alertmanager %.1f s after the fault (time to detect)"
                       % (args.alert, detected - injected))
        else:
            report.add(False, "alert fired", "%s not active in Alertmanager within %.0f s"
                       % (args.alert, args.detect_timeout))
    finally:
        url, (status, body) = drill_switch(args, "clear")
        cleared = time.time()
        report.add(200 <= status < 300, "fault cleared", "%s %s -> %s %s"
                   % (args.switches["clear"][0], url, status, body[:120]))
    if detected:
        if wait_until(lambda: not active_alerts(args), args.resolve_timeout):
            resolved = time.time()
            report.add(True, "alert resolved", "%s left Alertmanager %.1f s after the fault was cleared "
                       "(time to resolve)" % (args.alert, resolved - cleared))
        else:
            report.add(False, "alert resolved", "%s still active %.0f s after the fault was cleared"
                       % (args.alert, args.resolve_timeout))
    time.sleep(args.settle)
    traffic.stop()
    ended = time.time()
    check_scrapes(args, report, started, ended)

    # Spans are exported in batches: give the last ones a few seconds to arrive.
    def spans_of_both_phases():
        during = zipkin_spans(args, injected, cleared)
        after = zipkin_spans(args, cleared, ended)
        return (during, after) if during and after else None

    phases = wait_until(spans_of_both_phases, 30.0, interval=1.0)
    if phases:
        during, after = phases
        report.add(True, "spans kept arriving", "Zipkin: %d spans of %s during the fault, %d after it"
                   % (len(during), args.service, len(after)))
        found = {span.get("traceId") for span in during + after}
    else:
        during = zipkin_spans(args, injected, cleared)
        after = zipkin_spans(args, cleared, ended)
        report.add(False, "spans kept arriving", "Zipkin: %d spans of %s during the fault, %d after it"
                   % (len(during), args.service, len(after)))
        found = {span.get("traceId") for span in during + after}
    check_logs(args, report, started, ended, found)
    print("  traffic: %d requests and %d probes in %.0f s" % (traffic.sent, traffic.probes, ended - started))
    return report, detected and detected - injected, resolved and resolved - cleared


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        report, detect, resolve = run(args)
    except DrillError as error:
        print("DRILL NOT RUN: %s" % error, flush=True)
        return 2
    timings = "time to detect %s, time to resolve %s" % (
        "%.1f s" % detect if detect else "-", "%.1f s" % resolve if resolve else "-")
    print("RESULT: %s (%s)" % ("PASS" if report.passed else "FAIL", timings), flush=True)
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
