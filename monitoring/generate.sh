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

# The generator lives in the monitoring module's test sources (it needs only SnakeYAML and
# Jackson, which the module's tests use anyway); compile it and run it on that classpath.
./mvnw -B -q -pl monitoring test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/generator.classpath
java -cp "monitoring/target/test-classes:$(cat monitoring/target/generator.classpath)" \
  dev.aisd.observability.monitoring.generate.MonitoringGenerator

cd monitoring
promtool check rules rules/*.yml
promtool test rules tests/*.yml
