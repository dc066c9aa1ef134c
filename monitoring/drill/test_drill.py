"""Unit tests of drill.py's parsing and log checks (python3 -m unittest, run by the build)."""

import json
import os
import tempfile
import unittest

import drill


def line(timestamp, **fields):
    fields.setdefault("message", "Handled request")
    return json.dumps(dict(timestamp=timestamp, **fields))


class ParsingTests(unittest.TestCase):

    def test_durations(self):
        self.assertEqual(drill.parse_duration("15s"), 15)
        self.assertEqual(drill.parse_duration("1m30s"), 90)
        self.assertEqual(drill.parse_duration("500ms"), 0.5)
        self.assertIsNone(drill.parse_duration("soon"))

    def test_timestamps_with_nanoseconds_and_offsets(self):
        self.assertAlmostEqual(drill.parse_timestamp("1970-01-01T00:00:01.123456789Z"), 1.123456, places=6)
        self.assertEqual(drill.parse_timestamp("1970-01-01T01:00:00+01:00"), 0)
        self.assertIsNone(drill.parse_timestamp("yesterday"))
        self.assertIsNone(drill.parse_timestamp(None))

    def test_up_selector_defaults_to_the_management_address(self):
        args = drill.parse_args(["--app", "http://127.0.0.1:8080/", "--management", "http://10.0.0.5:8081",
                                 "--prometheus", "p", "--alertmanager", "a", "--zipkin", "z", "--log", "l"])
        self.assertEqual(args.up_selector, 'up{instance="10.0.0.5:8081"}')
        self.assertEqual(args.app, "http://127.0.0.1:8080")

    def test_health_switch_by_default_and_other_switches_on_request(self):
        base = ["--app", "a", "--prometheus", "p", "--alertmanager", "a", "--zipkin", "z", "--log", "l"]
        args = drill.parse_args(base + ["--check", "cache", "--fault", "hang"])
        self.assertEqual(args.switches, {"inject": ("POST", "/api/drills/health/cache?fault=hang"),
                                         "clear": ("DELETE", "/api/drills/health/cache")})
        args = drill.parse_args(base + ["--inject", "POST /api/traffic/attack-spike?seconds=60",
                                        "--clear", "DELETE /api/traffic/attack-spike"])
        self.assertEqual(args.switches["inject"], ("POST", "/api/traffic/attack-spike?seconds=60"))

    def test_a_fault_without_its_clear_switch_is_a_usage_error(self):
        base = ["--app", "a", "--prometheus", "p", "--alertmanager", "a", "--zipkin", "z", "--log", "l"]
        with self.assertRaises(SystemExit):
            drill.parse_args(base + ["--inject", "POST /api/traffic/attack-spike"])
        with self.assertRaises(SystemExit):
            drill.parse_args(base + ["--inject", "launch /x", "--clear", "DELETE /x"])

    def test_unknown_fault_is_a_usage_error(self):
        with self.assertRaises(SystemExit):
            drill.parse_args(["--app", "a", "--prometheus", "p", "--alertmanager", "a", "--zipkin", "z",
                              "--log", "l", "--fault", "meteor"])


class LogCheckTests(unittest.TestCase):

    def check(self, lines, zipkin_ids=()):
        with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as log:
            log.write("\n".join(lines) + "\n")
        self.addCleanup(os.unlink, log.name)
        args = drill.parse_args(["--app", "http://127.0.0.1:1", "--prometheus", "p", "--alertmanager", "a",
                                 "--zipkin", "z", "--log", log.name])
        report = drill.Report()
        drill.check_logs(args, report, 10.0, 20.0, set(zipkin_ids))
        return report.results[-1]

    def test_lines_with_ids_found_in_zipkin_pass(self):
        passed, _, detail = self.check([
            "Spring banner, not JSON",
            line("1970-01-01T00:00:15Z", request_id="r1", trace_id="t1", span_id="s1", path="/api/items"),
            line("1970-01-01T00:00:16Z", request_id="r2", trace_id="t2", span_id="s2", path="/api/items"),
        ], zipkin_ids=["t2"])
        self.assertTrue(passed, detail)
        self.assertIn("1 of 2 sampled trace ids found in Zipkin", detail)

    def test_a_line_without_trace_id_fails(self):
        passed, _, detail = self.check([
            line("1970-01-01T00:00:15Z", request_id="r1", trace_id="t1", span_id="s1", path="/api/items"),
            line("1970-01-01T00:00:16Z", request_id="r2", span_id="s2", path="/api/items"),
        ], zipkin_ids=["t1"])
        self.assertFalse(passed)
        self.assertIn("1 of 2 lines lack ids", detail)
        self.assertIn("no trace_id", detail)

    def test_lines_outside_the_window_or_other_messages_do_not_count(self):
        passed, _, detail = self.check([
            line("1970-01-01T00:00:05Z", request_id="r", trace_id="t", span_id="s"),
            line("1970-01-01T00:00:15Z", message="Started", request_id="r", trace_id="t", span_id="s"),
        ])
        self.assertFalse(passed)
        self.assertIn("no \"Handled request\" line", detail)

    def test_ids_that_never_reach_zipkin_fail(self):
        passed, _, detail = self.check([
            line("1970-01-01T00:00:15Z", request_id="r1", trace_id="t1", span_id="s1", path="/api/items"),
        ])
        self.assertFalse(passed)
        self.assertIn("0 of 1 sampled trace ids found in Zipkin", detail)

    def test_broken_json_fails(self):
        passed, _, detail = self.check([
            line("1970-01-01T00:00:15Z", request_id="r1", trace_id="t1", span_id="s1", path="/api/items"),
            '{"timestamp": "1970-01-01T00:00:16Z", "message": "Handled req',
        ], zipkin_ids=["t1"])
        self.assertFalse(passed)
        self.assertIn("1 unparsable JSON lines", detail)


if __name__ == "__main__":
    unittest.main()
