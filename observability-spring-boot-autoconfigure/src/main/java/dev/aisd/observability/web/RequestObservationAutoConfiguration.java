package dev.aisd.observability.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import dev.aisd.observability.web.internal.OpsPaths;
import dev.aisd.observability.web.internal.OpsTrafficObservationPredicate;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * {@link AutoConfiguration Auto-configuration} that hands every finished HTTP server
 * request, as Spring's {@code http.server.requests} observation measured it, to the
 * {@link CompletedRequestListener} beans, except operational traffic (requests to the
 * starter's endpoints, Actuator, the management port and
 * {@code observability.ops-traffic.extra-paths}), which is not observed at all unless
 * {@code observability.ops-traffic.recorded=true}.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(name = "io.micrometer.observation.ObservationHandler")
@EnableConfigurationProperties(OpsTrafficProperties.class)
public final class RequestObservationAutoConfiguration {

	/** Order of the {@link ContainerClientErrorFilter}. */
	static final int CONTAINER_CLIENT_ERROR_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletConfiguration {

		@Bean
		ServletRequestObservationHandler observabilityServletRequestObservationHandler(
				ObjectProvider<CompletedRequestListener> listeners, BeanFactory beanFactory) {
			return new ServletRequestObservationHandler(listeners.orderedStream().toList(), beanFactory);
		}

		/**
		 * Just inside Spring's ServerHttpObservationFilter (highest precedence + 1), so
		 * the observation sees the status the container sends.
		 */
		@Bean
		@ConditionalOnClass(FilterRegistrationBean.class)
		@ConditionalOnMissingFilterBean(ContainerClientErrorFilter.class)
		FilterRegistrationBean<ContainerClientErrorFilter> observabilityContainerClientErrorFilter() {
			FilterRegistrationBean<ContainerClientErrorFilter> registration = new FilterRegistrationBean<>(
					new ContainerClientErrorFilter());
			registration.setOrder(CONTAINER_CLIENT_ERROR_FILTER_ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveConfiguration {

		@Bean
		ReactiveRequestObservationHandler observabilityReactiveRequestObservationHandler(
				ObjectProvider<CompletedRequestListener> listeners, BeanFactory beanFactory) {
			return new ReactiveRequestObservationHandler(listeners.orderedStream().toList(), beanFactory);
		}

	}

	@Bean
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty(name = "observability.ops-traffic.recorded", havingValue = false,
			matchIfMissing = true)
	OpsTrafficObservationPredicate observabilityOpsTrafficObservationPredicate(OpsTrafficProperties properties,
			Environment environment) {
		return new OpsTrafficObservationPredicate(OpsPaths.of(opsPaths(properties, environment)),
				managementPort(environment));
	}

	/**
	 * The paths of the starter's endpoints as their own properties configure them (read
	 * from the environment, so that each feature keeps its property class), the console
	 * under {@code /observability}, Actuator's base path when it shares the application
	 * port, and the extra paths.
	 */
	static List<String> opsPaths(OpsTrafficProperties properties, Environment environment) {
		List<String> paths = new ArrayList<>();
		paths.add(environment.getProperty("observability.metrics.path", "/metrics"));
		paths.add(environment.getProperty("observability.health.path", "/health"));
		paths.add(environment.getProperty("observability.health.live-path", "/health/live"));
		paths.add(environment.getProperty("observability.health.ready-path", "/health/ready"));
		paths.add(environment.getProperty("observability.traces.path", "/observability/traces"));
		paths.add(environment.getProperty("observability.security-metrics.scorecard-path",
				"/observability/security/scorecard"));
		paths.add("/observability/**");
		paths.add(environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/**");
		paths.addAll(properties.getExtraPaths());
		return paths;
	}

	static IntSupplier managementPort(Environment environment) {
		Integer configured = environment.getProperty("management.server.port", Integer.class);
		if (configured == null || configured < 0
				|| configured.equals(environment.getProperty("server.port", Integer.class, 8080))) {
			return () -> 0;
		}
		if (configured > 0) {
			int port = configured;
			return () -> port;
		}
		return new LocalManagementPort(environment);
	}

	/**
	 * The port of a management server started on a random port, known once it listens.
	 */
	static final class LocalManagementPort implements IntSupplier {

		private final Environment environment;

		// Benign race: every thread that reads 0 looks the port up again.
		private volatile int port;

		LocalManagementPort(Environment environment) {
			this.environment = environment;
		}

		@Override
		public int getAsInt() {
			int port = this.port;
			if (port <= 0) {
				port = this.environment.getProperty("local.management.port", Integer.class, 0);
				this.port = port;
			}
			return port;
		}

	}

}
