package dev.aisd.observability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration.md} honest: every property in the metadata the
 * configuration processor generates must be documented there, with its description.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");

	@Test
	void referenceWhenMetadataGeneratedThenEveryPropertyIsDocumented() throws IOException {
		String reference = Files.readString(REFERENCE);
		List<String> missing = new ArrayList<>();
		for (JsonNode property : metadata().path("properties")) {
			String name = property.path("name").asString();
			if (name.startsWith("observability.") && !reference.contains("`" + name + "`")) {
				missing.add(name);
			}
		}
		assertThat(missing).as("properties missing from %s", REFERENCE).isEmpty();
	}

	@Test
	void metadataWhenGeneratedThenEveryPropertyHasADescription() throws IOException {
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata().path("properties")) {
			if (property.path("description").asString("").isBlank()) {
				undescribed.add(property.path("name").asString());
			}
		}
		assertThat(undescribed).isEmpty();
	}

	private JsonNode metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
