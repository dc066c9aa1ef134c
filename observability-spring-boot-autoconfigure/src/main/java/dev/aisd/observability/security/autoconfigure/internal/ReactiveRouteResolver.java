package dev.aisd.observability.security.autoconfigure.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Resolves the route template of a WebFlux exchange before handler mapping has run (as
 * when Spring Security denies it): the most specific {@code @RequestMapping} pattern that
 * matches the path, or {@code null}. The WebFlux counterpart of
 * {@link ServletRouteResolver}, so both stacks label denials alike.
 */
public final class ReactiveRouteResolver {

	private final ListableBeanFactory beanFactory;

	private volatile List<PathPattern> patterns;

	/**
	 * Create a resolver reading the handler mappings of a bean factory on first use.
	 * @param beanFactory the bean factory
	 */
	public ReactiveRouteResolver(ListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	/**
	 * Return the route template of an exchange.
	 * @param exchange the exchange
	 * @return the template, or {@code null} when no route matches
	 */
	public String resolve(ServerWebExchange exchange) {
		Object matched = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (matched instanceof PathPattern pattern) {
			return pattern.getPatternString();
		}
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		// Sorted most specific first, so the first match is the one WebFlux would pick.
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
			result = loadPatterns();
			this.patterns = result;
		}
		return result;
	}

	private List<PathPattern> loadPatterns() {
		List<PathPattern> result = new ArrayList<>();
		Map<String, RequestMappingInfoHandlerMapping> mappings = this.beanFactory
			.getBeansOfType(RequestMappingInfoHandlerMapping.class, false, false);
		for (RequestMappingInfoHandlerMapping mapping : mappings.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				result.addAll(info.getPatternsCondition().getPatterns());
			}
		}
		result.sort(Comparator.nullsLast(PathPattern.SPECIFICITY_COMPARATOR));
		return List.copyOf(result);
	}

}
