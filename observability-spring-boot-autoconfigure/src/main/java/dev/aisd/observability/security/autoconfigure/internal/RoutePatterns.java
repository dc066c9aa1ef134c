package dev.aisd.observability.security.autoconfigure.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The patterns of the {@code @RequestMapping} methods, most specific first, and the
 * route template a path matches: what {@link ServletRouteResolver} and
 * {@link ReactiveRouteResolver} share, so both stacks name a denied request's route
 * alike. The patterns are read once, on first use, when every mapping is registered;
 * only reading them depends on the web stack.
 */
final class RoutePatterns {

	private final Supplier<? extends Collection<PathPattern>> source;

	private volatile List<PathPattern> patterns;

	/**
	 * Create the patterns.
	 * @param source reads the patterns of the stack's handler mappings
	 */
	RoutePatterns(Supplier<? extends Collection<PathPattern>> source) {
		this.source = source;
	}

	/**
	 * Return the route template of a path.
	 * @param path the path within the application
	 * @return the most specific matching pattern, or {@code null} when none matches
	 */
	String match(PathContainer path) {
		// Sorted most specific first, so the first match is the one the dispatcher would
		// pick.
		for (PathPattern pattern : patterns()) {
			if (pattern.matches(path)) {
				return pattern.getPatternString();
			}
		}
		return null;
	}

	private List<PathPattern> patterns() {
		List<PathPattern> result = this.patterns;
		if (result == null) {
			List<PathPattern> sorted = new ArrayList<>(this.source.get());
			sorted.sort(Comparator.nullsLast(PathPattern.SPECIFICITY_COMPARATOR));
			result = List.copyOf(sorted);
			this.patterns = result;
		}
		return result;
	}

}
