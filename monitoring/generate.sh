#!/usr/bin/env bash
# Render every generated file of monitoring/ (and deploy/) from its sources:
#   monitoring/slo/slos.yml     -> rules/slo-recording.yml, rules/slo-alerts.yml,
#                                  tests/slo.test.yml, grafana/dashboards/slo-error-budget.json
#   monitoring/generator.yml    -> the runbook_url of every alert and rule test
# then check the result with promtool. Commit what it wrote: the build fails when a
# committed generated file differs from what its sources render.
#
#   monitoring/generate.sh
#
# Needs: Java 17 (the Maven wrapper fetches the rest) and promtool.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl monitoring test -Dtest=GeneratedFilesTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmonitoring.generate=write

cd monitoring
promtool check rules rules/*.yml
promtool test rules tests/*.yml
