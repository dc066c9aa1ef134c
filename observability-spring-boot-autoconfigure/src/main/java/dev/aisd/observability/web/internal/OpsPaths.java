package dev.aisd.observability.web.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The paths of operational traffic: exact paths and prefixes. Matching a path costs one
 * hash lookup and one {@code startsWith} per prefix (a handful), with no allocation. Not
 * API: may change without notice.
 */
public final class OpsPaths {

	private static final String PREFIX_SUFFIX = "/**";

	private final Set<String> exact;

	private final String[] prefixes;

	private OpsPaths(Set<String> exact, String[] prefixes) {
		this.exact = exact;
		this.prefixes = prefixes;
	}

	/**
	 * Create the paths from entries: an exact path, or a prefix ending in {@code /**}
	 * (which also matches the prefix itself). Blank entries are ignored; a trailing
	 * slash does not count.
	 * @param entries the entries
	 * @return the paths
	 */
	public static OpsPaths of(Iterable<String> entries) {
		Set<String> exact = new HashSet<>();
		List<String> prefixes = new ArrayList<>();
		for (String entry : entries) {
			if (entry == null || entry.isBlank()) {
				continue;
			}
			String path = entry.trim();
			if (!path.startsWith("/")) {
				path = "/" + path;
			}
			if (path.endsWith(PREFIX_SUFFIX)) {
				String prefix = stripTrailingSlash(path.substring(0, path.length() - PREFIX_SUFFIX.length()));
				if (prefix.isEmpty()) {
					// '/**' would swallow every request: not operational traffic.
					continue;
				}
				exact.add(prefix);
				prefixes.add(prefix + "/");
			}
			else {
				exact.add(stripTrailingSlash(path));
			}
		}
		return new OpsPaths(Set.copyOf(exact), prefixes.toArray(String[]::new));
	}

	private static String stripTrailingSlash(String path) {
		return (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
	}

	/**
	 * Return whether a path, relative to the context path, is operational traffic.
	 * @param path the path, without query string
	 * @return whether it matches
	 */
	public boolean matches(String path) {
		if (path == null) {
			return false;
		}
		if (this.exact.contains(path)) {
			return true;
		}
		for (String prefix : this.prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		// '/metrics/' is the same endpoint as '/metrics' to most routers.
		return path.length() > 1 && path.endsWith("/") && this.exact.contains(path.substring(0, path.length() - 1));
	}

}
