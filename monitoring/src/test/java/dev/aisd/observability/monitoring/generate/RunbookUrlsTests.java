package dev.aisd.observability.monitoring.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Runbook URLs move onto the configured base, keep their anchor, and nothing else of
 * the file changes.
 */
class RunbookUrlsTests {

	private static final String BASE = "https://runbooks.example.org/docs/operations.md";

	@Test
	void rewriteWhenRelativeOrOtherBaseThenKeepsAnchorOnNewBase() {
		String rules = """
				      annotations:
				        summary: "x runbook_url: \\"a#b\\""
				        runbook_url: "docs/operations.md#targetdown"
				              runbook_url: "https://old.example.org/ops.md#watchdog"
				""";
		assertThat(RunbookUrls.rewrite(rules, BASE)).isEqualTo("""
				      annotations:
				        summary: "x runbook_url: \\"a#b\\""
				        runbook_url: "https://runbooks.example.org/docs/operations.md#targetdown"
				              runbook_url: "https://runbooks.example.org/docs/operations.md#watchdog"
				""");
	}

	@Test
	void rewriteWhenAlreadyOnBaseThenIsUnchanged() {
		String rules = "        runbook_url: \"" + BASE + "#targetdown\"\n";
		assertThat(RunbookUrls.rewrite(rules, BASE)).isEqualTo(rules);
	}

	@Test
	void rewriteWhenUrlHasNoAnchorThenLeavesItForTheRuleFileTestToReport() {
		String rules = "        runbook_url: \"docs/operations.md\"\n";
		assertThat(RunbookUrls.rewrite(rules, BASE)).isEqualTo(rules);
	}

	@Test
	void settingsWhenBaseIsRelativeOrHasAnAnchorThenRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GeneratorSettings.parse("runbook_base_url: docs/operations.md"))
			.withMessageContaining("absolute http(s) URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GeneratorSettings.parse("runbook_base_url: https://x.example.org/ops.md#top"))
			.withMessageContaining("without '#'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> GeneratorSettings.parse("runbook_base_url: https://x.example.org/\nother: 1"))
			.withMessageContaining("unknown key 'other'");
	}

}
