package dev.aisd.observability.metrics;

import java.util.List;

import javax.management.MBeanServerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.tomcat.TomcatMetrics;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.autoconfigure.metrics.TomcatMetricsAutoConfiguration;
import org.springframework.boot.tomcat.metrics.TomcatMetricsBinder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link AutoConfiguration Auto-configuration} that binds Spring Boot's Tomcat meters
 * without creating the JVM's platform MBean server at startup.
 * <p>
 * Spring Boot's {@link TomcatMetricsBinder} gives Micrometer's {@link TomcatMetrics} the
 * platform MBean server, where it waits for Tomcat's own MBeans; asking for that server
 * creates it and registers every platform MXBean (in a Spring MVC start about 90 JDK
 * classes and 50 ms of CPU). With Spring Boot's default
 * {@code server.tomcat.mbeanregistry.enabled=false} Tomcat registers no MBean there, and the
 * only Tomcat meters are the {@code tomcat.sessions.*} gauges read from the session
 * manager. While that default holds, this binder gives {@link TomcatMetrics} a private,
 * empty MBean server instead: the same meters without that start-up work. With Tomcat's
 * MBean registry enabled, or a binder of the application's own, Spring Boot's binder
 * applies unchanged.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = TomcatMetricsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication
@ConditionalOnClass({ TomcatMetrics.class, Manager.class, TomcatMetricsBinder.class })
@ConditionalOnBooleanProperty(name = "server.tomcat.mbeanregistry.enabled", havingValue = false, matchIfMissing = true)
public final class TomcatSessionMetricsAutoConfiguration {

	@Bean
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean({ TomcatMetricsBinder.class, TomcatMetrics.class })
	TomcatMetricsBinder tomcatMetricsBinder(MeterRegistry registry) {
		return new SessionMetricsBinder(registry);
	}

	/**
	 * A {@link TomcatMetricsBinder} (so that Spring Boot's backs off, and a user's own
	 * still replaces it) that binds {@link TomcatMetrics} over a private MBean server.
	 */
	static final class SessionMetricsBinder extends TomcatMetricsBinder {

		private final MeterRegistry registry;

		private volatile TomcatMetrics metrics;

		SessionMetricsBinder(MeterRegistry registry) {
			super(registry);
			this.registry = registry;
		}

		@Override
		public void onApplicationEvent(ApplicationStartedEvent event) {
			// The same manager Spring Boot's binder finds: the first context of the embedded
			// Tomcat's host; null (no session gauges) on any other server.
			TomcatMetrics metrics = new TomcatMetrics(findManager(event), List.of(),
					MBeanServerFactory.newMBeanServer());
			metrics.bindTo(this.registry);
			this.metrics = metrics;
		}

		private static Manager findManager(ApplicationStartedEvent event) {
			if (event.getApplicationContext() instanceof WebServerApplicationContext context
					&& context.getWebServer() instanceof TomcatWebServer server) {
				for (Container child : server.getTomcat().getHost().findChildren()) {
					if (child instanceof Context tomcatContext) {
						return tomcatContext.getManager();
					}
				}
			}
			return null;
		}

		@Override
		public void destroy() {
			TomcatMetrics metrics = this.metrics;
			if (metrics != null) {
				metrics.close();
			}
		}

	}

}
