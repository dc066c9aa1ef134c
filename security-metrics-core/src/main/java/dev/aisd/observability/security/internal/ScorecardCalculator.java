package dev.aisd.observability.security.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.aisd.observability.security.SecurityKpis;
import dev.aisd.observability.security.SecurityScorecard;
import dev.aisd.observability.security.SecurityScorecard.Dimension;
import dev.aisd.observability.security.SecurityScorecard.DimensionScore;
import dev.aisd.observability.security.SecurityScorecard.Status;
import dev.aisd.observability.security.SecurityScorecard.SubScore;

/**
 * Computes a {@link SecurityScorecard} from {@link SecurityKpis}. Every sub-score is a
 * monotone, clamped linear function of one KPI against its target (see
 * {@code docs/security-metrics.md}); a dimension is the mean of its sub-scores that have
 * data; the overall score is the weighted mean of the dimensions that have data.
 */
public final class ScorecardCalculator {

	/** Points a percentage KPI loses per percentage point on the wrong side of its target. */
	public static final double POINTS_PER_PERCENT = 4;

	/** Points a time KPI loses per multiple of its target above the target. */
	public static final double POINTS_PER_TARGET_MULTIPLE = 25;

	/** Points lost per critical vulnerability. */
	public static final double POINTS_PER_CRITICAL = 40;

	/** Points lost per high vulnerability above {@link #HIGH_ALLOWED}. */
	public static final double POINTS_PER_EXTRA_HIGH = 10;

	/** High vulnerabilities allowed without penalty. */
	public static final int HIGH_ALLOWED = 5;

	/** Pending alerts allowed without penalty (the seed penalises more than 10). */
	public static final int PENDING_ALERTS_ALLOWED = 10;

	/** Points lost per pending alert above {@link #PENDING_ALERTS_ALLOWED}. */
	public static final double POINTS_PER_EXTRA_ALERT = 4;

	/** Target of the authentication failure rate, in percent. */
	public static final double AUTH_FAILURE_RATE_TARGET = 5;

	private ScorecardCalculator() {
	}

	/**
	 * Compute the scorecard.
	 * @param kpis the KPIs
	 * @return the scorecard
	 */
	public static SecurityScorecard scorecard(SecurityKpis kpis) {
		Map<Dimension, List<Sub>> subs = new EnumMap<>(Dimension.class);
		subs.put(Dimension.DETECTION, List.of(
				higher("precision", kpis.precisionPercent(), 95,
						"record detection results (true and false positives)",
						"tune detection rules to cut false positives (precision below 95 %)"),
				higher("true-positive rate", kpis.truePositiveRatePercent(), 95,
						"provide true positives and false negatives, or update the detection rates",
						"add or retrain detectors for the threats that are missed (recall below 95 %)"),
				lower("false-positive rate", kpis.falsePositiveRatePercent(), 5,
						"provide false positives and true negatives, or update the detection rates",
						"raise detection thresholds or add allow-lists to cut false positives (rate above 5 %)"),
				higher("detection accuracy", kpis.detectionAccuracyPercent(), 90,
						"provide true/false positives and negatives",
						"review misclassified events; accuracy is below 90 %"),
				time("MTTD", kpis.mttdSeconds(), 60, "record incidents with their time to detect",
						"speed up detection: stream events to the detectors and alert on them (MTTD above 60 s)"),
				higher("detection coverage", kpis.detectionCoveragePercent(), 95,
						"update the detection coverage per category",
						"add detectors for the attack vectors not covered (coverage below 95 %)")));
		subs.put(Dimension.RESPONSE, List.of(
				time("MTTR", kpis.mttrSeconds(), 300, "record incidents with their time to respond",
						"automate the first response (playbooks, automatic blocking); MTTR is above 300 s"),
				time("time to remediate", kpis.timeToRemediateSeconds(), 600,
						"record incidents with their time to remediate",
						"shorten remediation: pre-approved fixes and rollbacks (time to remediate above 600 s)")));
		subs.put(Dimension.PREVENTION,
				List.of(higher("attack block rate", kpis.attackBlockRatePercent(), 95,
						"record blocked attacks and the attacks attempted (or threats detected)",
						"block more of the detected attacks: enforce WAF rules and rate limits (block rate below 95 %)"),
						vulnerabilities(kpis.criticalVulnerabilities(), kpis.highVulnerabilities()),
						lower("auth failure rate", kpis.authFailureRatePercent(), AUTH_FAILURE_RATE_TARGET, "",
								"throttle or lock out repeated failed logins and review credential-stuffing sources "
										+ "(auth failure rate above 5 %)")
							.optional()));
		List<Sub> compliance = new ArrayList<>();
		if (kpis.complianceScores().isEmpty()) {
			compliance.add(higher("compliance", null, 90, "update the compliance score of each standard", ""));
		}
		kpis.complianceScores()
			.forEach((standard, score) -> compliance.add(higher("compliance " + standard, score, 90, "",
					"close the " + standard + " compliance gaps (score below 90)")));
		subs.put(Dimension.COMPLIANCE, compliance);
		subs.put(Dimension.READINESS, List.of(
				higher("response readiness", kpis.responseReadinessScore(), 85,
						"update the response readiness score",
						"run incident drills and complete the runbooks (readiness below 85)"),
				threatLevel(kpis.threatLevel()), pendingAlerts(kpis.pendingAlerts()).optional()));

		List<DimensionScore> dimensions = new ArrayList<>();
		List<String> strengths = new ArrayList<>();
		List<String> weaknesses = new ArrayList<>();
		List<String> recommendations = new ArrayList<>();
		double weighted = 0;
		double weights = 0;
		for (Dimension dimension : Dimension.values()) {
			List<SubScore> subScores = new ArrayList<>();
			double sum = 0;
			int count = 0;
			StringBuilder used = new StringBuilder();
			StringBuilder missing = new StringBuilder();
			for (Sub sub : subs.get(dimension)) {
				if (sub.score == null && sub.optional) {
					// KPIs not every service has (no login, no alert queue) are left out
					// rather than reported as missing.
					continue;
				}
				subScores.add(sub.toSubScore());
				String label = label(dimension);
				if (sub.score == null) {
					append(missing, sub.kpi);
					recommendations.add(label + ": insufficient data for " + sub.kpi + ": " + sub.missingAdvice);
					continue;
				}
				sum += sub.score;
				count++;
				append(used, sub.kpi + " " + sub.display + " -> " + format(sub.score));
				if (sub.score >= 100) {
					strengths.add(label + ": " + sub.kpi + " " + sub.display + " meets the target (" + sub.target + ")");
				}
				else {
					weaknesses.add(label + ": " + sub.kpi + " " + sub.display + " misses the target (" + sub.target
							+ "), sub-score " + format(sub.score));
					recommendations.add(label + ": " + sub.fixAdvice);
				}
			}
			Double score = (count > 0) ? sum / count : null;
			String explanation;
			if (score == null) {
				explanation = "Insufficient data: no KPI of this dimension has data (missing: " + missing + ").";
			}
			else {
				explanation = "Mean of " + count + " sub-score" + ((count > 1) ? "s" : "") + " (" + used + ") = "
						+ format(score) + ((missing.length() > 0) ? "; no data for: " + missing : "") + ".";
				weighted += dimension.weight() * score;
				weights += dimension.weight();
			}
			dimensions.add(new DimensionScore(dimension, dimension.weight(), round(score), status(score), explanation,
					subScores));
		}
		Double overall = (weights > 0) ? weighted / weights : null;
		if (overall != null) {
			String sentence = "Overall: score " + format(overall) + ((overall >= SecurityScorecard.OVERALL_TARGET)
					? " meets the target (>= 85)" : " misses the target (>= 85)");
			if (overall >= SecurityScorecard.OVERALL_TARGET) {
				strengths.add(0, sentence);
			}
			else {
				weaknesses.add(0, sentence);
			}
		}
		return new SecurityScorecard(round(overall), status(overall), dimensions, strengths, weaknesses,
				recommendations);
	}

	/**
	 * Sub-score of a percentage KPI where higher is better:
	 * {@code clamp(100 - 4 * max(0, target - value))}.
	 * @param value the KPI
	 * @param target the target
	 * @return the sub-score
	 */
	public static double higherIsBetter(double value, double target) {
		return clamp(100 - POINTS_PER_PERCENT * Math.max(0, target - value));
	}

	/**
	 * Sub-score of a percentage KPI where lower is better:
	 * {@code clamp(100 - 4 * max(0, value - target))}.
	 * @param value the KPI
	 * @param target the target
	 * @return the sub-score
	 */
	public static double lowerIsBetter(double value, double target) {
		return clamp(100 - POINTS_PER_PERCENT * Math.max(0, value - target));
	}

	/**
	 * Sub-score of a time KPI: {@code clamp(100 - 25 * max(0, value / target - 1))}.
	 * @param seconds the KPI
	 * @param targetSeconds the target
	 * @return the sub-score
	 */
	public static double timeScore(double seconds, double targetSeconds) {
		return clamp(100 - POINTS_PER_TARGET_MULTIPLE * Math.max(0, seconds / targetSeconds - 1));
	}

	/**
	 * Sub-score of the vulnerabilities: {@code clamp(100 - 40 * critical - 10 * max(0, high - 5))}.
	 * @param critical critical vulnerabilities
	 * @param high high vulnerabilities
	 * @return the sub-score
	 */
	public static double vulnerabilityScore(long critical, long high) {
		return clamp(100 - POINTS_PER_CRITICAL * critical - POINTS_PER_EXTRA_HIGH * Math.max(0, high - HIGH_ALLOWED));
	}

	/**
	 * Sub-score of the pending alerts: {@code clamp(100 - 4 * max(0, pending - 10))}.
	 * @param pending the pending alerts
	 * @return the sub-score
	 */
	public static double pendingAlertsScore(long pending) {
		return clamp(100 - POINTS_PER_EXTRA_ALERT * Math.max(0, pending - PENDING_ALERTS_ALLOWED));
	}

	/**
	 * Sub-score of the threat level: 100 for 0..2, else {@code 100 * (5 - level) / 3}.
	 * @param level the threat level (0..5)
	 * @return the sub-score
	 */
	public static double threatLevelScore(int level) {
		return (level <= 2) ? 100 : clamp(100.0 * (5 - level) / 3);
	}

	private static Sub higher(String kpi, Double value, double target, String missingAdvice, String fixAdvice) {
		return new Sub(kpi, value, "%".equals(unitOf(kpi)) ? " %" : "", ">= " + format(target) + unitSuffix(kpi),
				(value != null) ? higherIsBetter(value, target) : null, missingAdvice, fixAdvice);
	}

	private static Sub lower(String kpi, Double value, double target, String missingAdvice, String fixAdvice) {
		return new Sub(kpi, value, " %", "<= " + format(target) + " %",
				(value != null) ? lowerIsBetter(value, target) : null, missingAdvice, fixAdvice);
	}

	private static Sub time(String kpi, Double seconds, double target, String missingAdvice, String fixAdvice) {
		return new Sub(kpi, seconds, " s", "<= " + format(target) + " s",
				(seconds != null) ? timeScore(seconds, target) : null, missingAdvice, fixAdvice);
	}

	private static Sub vulnerabilities(Integer critical, Integer high) {
		boolean known = critical != null && high != null;
		return new Sub("vulnerabilities",
				known ? POINTS_PER_CRITICAL * critical + POINTS_PER_EXTRA_HIGH * Math.max(0, high - HIGH_ALLOWED)
						: null,
				" penalty points", "0 critical and <= 5 high", known ? vulnerabilityScore(critical, high) : null,
				"update the vulnerability counts of severity critical and high",
				"fix the critical vulnerabilities first, then bring high ones to 5 or fewer",
				known ? critical + " critical, " + high + " high" : "no data");
	}

	private static Sub pendingAlerts(Long pending) {
		return new Sub("pending alerts", (pending != null) ? pending.doubleValue() : null, "", "<= 10",
				(pending != null) ? pendingAlertsScore(pending) : null, "",
				"clear the alert backlog: triage, tune noisy alerts, add on-call capacity (more than 10 pending)");
	}

	private static Sub threatLevel(Integer level) {
		return new Sub("threat level", (level != null) ? level.doubleValue() : null, "", "0-2 (normal)",
				(level != null) ? threatLevelScore(level) : null, "update the threat level",
				"the threat level is elevated: review active threats and consider stricter blocking");
	}

	private static String unitOf(String kpi) {
		return (kpi.startsWith("compliance") || kpi.equals("response readiness")) ? "" : "%";
	}

	private static String unitSuffix(String kpi) {
		return "%".equals(unitOf(kpi)) ? " %" : "";
	}

	private static void append(StringBuilder builder, String text) {
		if (builder.length() > 0) {
			builder.append(", ");
		}
		builder.append(text);
	}

	private static String label(Dimension dimension) {
		String name = dimension.name().toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static Status status(Double score) {
		if (score == null) {
			return Status.INSUFFICIENT_DATA;
		}
		return (score >= SecurityScorecard.OVERALL_TARGET) ? Status.MEETS_TARGET : Status.BELOW_TARGET;
	}

	private static double clamp(double score) {
		return Math.max(0, Math.min(100, score));
	}

	/**
	 * Round a score to two decimals, half up.
	 * @param value the score, or {@code null}
	 * @return the rounded score, or {@code null}
	 */
	public static Double round(Double value) {
		return (value != null) ? BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue() : null;
	}

	static String format(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static final class Sub {

		final String kpi;

		final Double value;

		final String unit;

		final String target;

		final Double score;

		final String missingAdvice;

		final String fixAdvice;

		final String display;

		boolean optional;

		Sub(String kpi, Double value, String unit, String target, Double score, String missingAdvice,
				String fixAdvice) {
			this(kpi, value, unit, target, score, missingAdvice, fixAdvice,
					(value != null) ? format(value) + unit : "no data");
		}

		Sub(String kpi, Double value, String unit, String target, Double score, String missingAdvice,
				String fixAdvice, String display) {
			this.display = display;
			this.kpi = kpi;
			this.value = value;
			this.unit = unit;
			this.target = target;
			this.score = score;
			this.missingAdvice = missingAdvice;
			this.fixAdvice = fixAdvice;
		}

		Sub optional() {
			this.optional = true;
			return this;
		}

		SubScore toSubScore() {
			Status status = (this.score == null) ? Status.INSUFFICIENT_DATA
					: (this.score >= 100) ? Status.MEETS_TARGET : Status.BELOW_TARGET;
			return new SubScore(this.kpi, this.value, this.unit.trim(), this.target, round(this.score), status);
		}

	}

}
