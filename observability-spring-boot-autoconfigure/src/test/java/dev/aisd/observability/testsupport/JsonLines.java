package dev.aisd.observability.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Parses captured stdout lines (from Boot's {@link CapturedOutput}) as JSON, failing on the
 * first line that is not exactly one JSON object.
 */
public final class JsonLines {

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private JsonLines() {
	}

	/**
	 * Return every complete line written to stdout so far. A trailing unterminated line is
	 * left out: a background thread may still be writing it.
	 * @param output the captured output
	 * @return the lines
	 */
	public static List<String> lines(CapturedOutput output) {
		String text = output.getOut();
		int end = text.lastIndexOf('\n');
		return (end < 0) ? List.of() : List.of(text.substring(0, end).split("\n", -1));
	}

	public static List<JsonNode> parse(List<String> lines) {
		List<JsonNode> events = new ArrayList<>();
		for (String line : lines) {
			events.add(parseLine(line));
		}
		return events;
	}

	public static JsonNode parseLine(String line) {
		JsonNode node = null;
		try {
			node = MAPPER.readTree(line);
		}
		catch (RuntimeException ex) {
			fail("Not a JSON line: <" + line + ">", ex);
		}
		assertThat(node.isObject()).as("JSON object: <%s>", line).isTrue();
		return node;
	}

	public static List<JsonNode> matching(List<JsonNode> events, Predicate<JsonNode> predicate) {
		return events.stream().filter(predicate).toList();
	}

	public static Predicate<JsonNode> message(String message) {
		return (event) -> message.equals(event.path("message").asString(null));
	}

	public static Predicate<JsonNode> field(String name, String value) {
		return (event) -> value.equals(event.path(name).asString(null));
	}

}
