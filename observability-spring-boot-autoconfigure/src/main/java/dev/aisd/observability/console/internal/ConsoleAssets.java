package dev.aisd.observability.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.DigestUtils;

/**
 * The script and style sheet of the page, read once from the jar; each with a strong
 * ETag from its content, so a browser revalidates them for the price of a 304.
 */
public final class ConsoleAssets {

	/** Where the assets live on the class path. */
	static final String LOCATION = "META-INF/observability-console/";

	private final Map<String, Asset> assets;

	private ConsoleAssets(Map<String, Asset> assets) {
		this.assets = Map.copyOf(assets);
	}

	/**
	 * Loads the console's script and style sheet.
	 * @param classLoader the class loader to read them with
	 * @return the assets
	 */
	public static ConsoleAssets load(ClassLoader classLoader) {
		Map<String, Asset> assets = new LinkedHashMap<>();
		assets.put("console.js", read(classLoader, "console.js", "text/javascript;charset=UTF-8"));
		assets.put("console.css", read(classLoader, "console.css", "text/css;charset=UTF-8"));
		return new ConsoleAssets(assets);
	}

	private static Asset read(ClassLoader classLoader, String name, String contentType) {
		try (InputStream input = classLoader.getResourceAsStream(LOCATION + name)) {
			if (input == null) {
				throw new IllegalStateException("Console asset " + LOCATION + name + " is missing from the class path");
			}
			byte[] body = input.readAllBytes();
			return new Asset(contentType, body, '"' + DigestUtils.md5DigestAsHex(body) + '"');
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read console asset " + LOCATION + name, ex);
		}
	}

	/**
	 * Returns an asset.
	 * @param name its file name, for example {@code console.js}
	 * @return the asset, {@code null} when there is none of that name
	 */
	public Asset get(String name) {
		return (name != null) ? this.assets.get(name) : null;
	}

	/**
	 * One asset.
	 *
	 * @param contentType its content type
	 * @param body its bytes
	 * @param etag its strong entity tag, quoted
	 */
	public record Asset(String contentType, byte[] body, String etag) {
	}

}
