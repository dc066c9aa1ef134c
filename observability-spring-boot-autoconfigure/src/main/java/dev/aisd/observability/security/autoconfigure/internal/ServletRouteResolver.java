package dev.aisd.observability.security.autoconfigure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the route template of a Servlet request before Spring MVC has dispatched it (a
 * request denied by Spring Security never reaches the dispatcher), by matching its path
 * against the patterns of the {@code @RequestMapping} methods. The patterns are read
 * once, on first use, when every mapping is registered.
 */
public final class ServletRouteResolver implements Function<Object, String> {

	private final RoutePatterns patterns;

	/**
	 * Create a resolver.
	 * @param beanFactory the factory holding the handler mappings
	 */
	public ServletRouteResolver(ListableBeanFactory beanFactory) {
		this.patterns = new RoutePatterns(() -> mappedPatterns(beanFactory));
	}

	@Override
	public String apply(Object object) {
		HttpServletRequest request = (HttpServletRequest) object;
		Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (matched instanceof String pattern) {
			return pattern;
		}
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		if (uri == null) {
			return null;
		}
		String path = (contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath))
				? uri.substring(contextPath.length()) : uri;
		PathContainer container;
		try {
			container = PathContainer.parsePath(path);
		}
		catch (RuntimeException ex) {
			return null;
		}
		return this.patterns.match(container);
	}

	private static List<PathPattern> mappedPatterns(ListableBeanFactory beanFactory) {
		List<PathPattern> result = new ArrayList<>();
		Map<String, RequestMappingInfoHandlerMapping> mappings = beanFactory
			.getBeansOfType(RequestMappingInfoHandlerMapping.class, false, false);
		for (RequestMappingInfoHandlerMapping mapping : mappings.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				for (String value : info.getPatternValues()) {
					try {
						result.add(PathPatternParser.defaultInstance.parse(value));
					}
					catch (RuntimeException ex) {
						// A pattern only the legacy matcher understands: not a route we can name.
					}
				}
			}
		}
		return result;
	}

}
