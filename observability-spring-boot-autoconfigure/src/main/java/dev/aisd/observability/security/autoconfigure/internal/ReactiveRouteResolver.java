package dev.aisd.observability.security.autoconfigure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ListableBeanFactory;
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

	private final RoutePatterns patterns;

	/**
	 * Create a resolver reading the handler mappings of a bean factory on first use.
	 * @param beanFactory the bean factory
	 */
	public ReactiveRouteResolver(ListableBeanFactory beanFactory) {
		this.patterns = new RoutePatterns(() -> mappedPatterns(beanFactory));
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
		return this.patterns.match(exchange.getRequest().getPath().pathWithinApplication());
	}

	private static List<PathPattern> mappedPatterns(ListableBeanFactory beanFactory) {
		List<PathPattern> result = new ArrayList<>();
		Map<String, RequestMappingInfoHandlerMapping> mappings = beanFactory
			.getBeansOfType(RequestMappingInfoHandlerMapping.class, false, false);
		for (RequestMappingInfoHandlerMapping mapping : mappings.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				result.addAll(info.getPatternsCondition().getPatterns());
			}
		}
		return result;
	}

}
