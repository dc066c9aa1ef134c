package dev.aisd.observability.metrics;

import java.nio.charset.StandardCharsets;

import dev.aisd.observability.ObservabilityAutoConfiguration;
import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.EndpointsAutoConfiguration;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;
import dev.aisd.observability.test.Exposition;
import dev.aisd.observability.web.CompletedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.config.PrometheusPropertiesLoader;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HttpMetricsAutoConfiguration} and
 * {@link PrometheusScrapeAutoConfiguration}.
 */
class MetricsAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(
			ObservabilityAutoConfiguration.class,
			org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration.class,
			org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration.class,
			org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration.class,
			org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration.class,
			HttpMetricsAutoConfiguration.class, BootHttpServerMetersAutoConfiguration.class,
			PrometheusScrapeAutoConfiguration.class, EndpointsAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("spring.application.name=orders");

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void servletAppThenScraperRouteHttpMetricsAndFilters() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PrometheusScraper.class)
				.hasSingleBean(HttpRequestMetrics.class)
				.hasBean(HttpMetricsAutoConfiguration.SERVICE_TAG_CUSTOMIZER_BEAN_NAME)
				.getBean(DefaultMeterObservationHandler.class)
				.isInstanceOf(ServerRequestsExcludingMeterObservationHandler.class);
			assertThat(context.getBean(PrometheusScrapeAutoConfiguration.ENDPOINT_BEAN_NAME, ObservabilityEndpoint.class))
				.extracting(ObservabilityEndpoint::id, ObservabilityEndpoint::path)
				.containsExactly("metrics", "/metrics");
			assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME))
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class)
				.asString().contains("(GET && /metrics) -> ");
		});
	}

	@Test
	void reactiveAppThenReactiveRoute() {
		this.reactiveContextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PrometheusScraper.class).hasSingleBean(HttpRequestMetrics.class);
			assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME))
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class)
				.asString().contains("/metrics");
		});
	}

	@Test
	void nonWebAppThenNoHttpMetrics() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(PrometheusScraper.class)
				.doesNotHaveBean(HttpRequestMetrics.class)
				.doesNotHaveBean(PrometheusScrapeAutoConfiguration.ENDPOINT_BEAN_NAME);
		});
	}

	@Test
	void nonWebAppWithoutSpringWebThenScraperStillWorks() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withClassLoader(new FilteredClassLoader("org.springframework.http", "org.springframework.web"))
			.run((context) -> {
				context.getBean(MeterRegistry.class).counter("plain.app").increment();
				assertThat(new String(context.getBean(PrometheusScraper.class).scrape(null).body(),
						StandardCharsets.UTF_8))
					.contains("plain_app_total{service=");
			});
	}

	@Test
	void customPathThenRouteServesIt() {
		this.contextRunner.withPropertyValues("observability.metrics.path=/internal/prometheus")
			.run((context) -> assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME))
				.asString().contains("(GET && /internal/prometheus) -> "));
	}

	@Test
	void everyMeterThenHasServiceTag() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.counter("any.meter").getId().getTag("service")).isEqualTo("orders");
		});
	}

	@Test
	void serviceTagDisabledThenNoServiceTag() {
		this.contextRunner.withPropertyValues("observability.metrics.service-tag=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HttpMetricsAutoConfiguration.SERVICE_TAG_CUSTOMIZER_BEAN_NAME);
			assertThat(context.getBean(MeterRegistry.class).counter("any.meter").getId().getTag("service")).isNull();
		});
	}

	@Test
	void bootHttpServerMetersThenNotRecordedByDefault() {
		this.contextRunner.run((context) -> {
				DefaultMeterObservationHandler handler = context.getBean(DefaultMeterObservationHandler.class);
				assertThat(handler.supportsContext(new org.springframework.http.server.observation.ServerRequestObservationContext(
						new org.springframework.mock.web.MockHttpServletRequest(),
						new org.springframework.mock.web.MockHttpServletResponse())))
					.isFalse();
				assertThat(handler.supportsContext(
						new org.springframework.http.server.reactive.observation.ServerRequestObservationContext(
								org.springframework.mock.http.server.reactive.MockServerHttpRequest.get("/").build(),
								new org.springframework.mock.http.server.reactive.MockServerHttpResponse(), java.util.Map.of())))
					.isFalse();
				assertThat(handler.supportsContext(named("http.client.requests"))).isTrue();
				Observation.Context client = named("http.client.requests");
				handler.onStart(client);
				handler.onStop(client);
				assertThat(context.getBean(MeterRegistry.class).find("http.client.requests").timers()).hasSize(1);
			});
	}

	@Test
	void userMeterObservationHandlerThenLeftAlone() {
		this.contextRunner
			.withBean("userHandler", DefaultMeterObservationHandler.class,
					() -> new DefaultMeterObservationHandler(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()))
			.run((context) -> assertThat(context.getBean("userHandler").getClass())
				.isEqualTo(DefaultMeterObservationHandler.class));
	}

	private static Observation.Context named(String name) {
		Observation.Context context = new Observation.Context();
		context.setName(name);
		return context;
	}

	@Test
	void bootMetersEnabledThenKept() {
		this.contextRunner.withPropertyValues("observability.metrics.http.boot-meters=true").run((context) -> {
			assertThat(context).doesNotHaveBean("observabilityMeterObservationHandlerPostProcessor");
			assertThat(context.getBean(DefaultMeterObservationHandler.class)
				.supportsContext(new org.springframework.http.server.observation.ServerRequestObservationContext(
						new org.springframework.mock.web.MockHttpServletRequest(),
						new org.springframework.mock.web.MockHttpServletResponse())))
				.isTrue();
		});
	}

	@Test
	void httpMetricsDisabledThenBootMetersKeptAndScrapeStays() {
		this.contextRunner.withPropertyValues("observability.metrics.http.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HttpRequestMetrics.class)
				.doesNotHaveBean("observabilityMeterObservationHandlerPostProcessor")
				.hasSingleBean(PrometheusScraper.class);
		});
	}

	@Test
	void metricsDisabledThenNothing() {
		this.contextRunner.withPropertyValues("observability.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PrometheusScraper.class)
				.doesNotHaveBean(HttpRequestMetrics.class)
				.doesNotHaveBean(PrometheusScrapeAutoConfiguration.ENDPOINT_BEAN_NAME)
				.doesNotHaveBean(HttpMetricsAutoConfiguration.SERVICE_TAG_CUSTOMIZER_BEAN_NAME)
				.doesNotHaveBean("observabilityMeterObservationHandlerPostProcessor");
		});
	}

	@Test
	void prometheusRegistryAbsentThenNoScrapeButHttpMetricsStay() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.prometheus.metrics", "io.micrometer.prometheusmetrics"))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(PrometheusScraper.class)
					.doesNotHaveBean(PrometheusScrapeAutoConfiguration.ENDPOINT_BEAN_NAME)
					.hasSingleBean(HttpRequestMetrics.class);
				assertThat(context.getBean(MeterRegistry.class)).isNotInstanceOf(PrometheusMeterRegistry.class);
			});
	}

	@Test
	void prometheusExportDisabledThenNoScrape() {
		this.contextRunner.withPropertyValues("management.prometheus.metrics.export.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PrometheusScraper.class));
	}

	@Test
	void userBeansThenOursBackOff() {
		this.contextRunner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(PrometheusScraper.class).hasSingleBean(HttpRequestMetrics.class);
			assertThat(context.getBean(PrometheusScraper.class)).isSameAs(context.getBean("userScraper"));
			assertThat(context.getBean(HttpRequestMetrics.class)).isSameAs(context.getBean("userHttpMetrics"));
			assertThat(context.getBean(EndpointsAutoConfiguration.ROUTES_BEAN_NAME))
				.asString().contains("(GET && /user) -> ").doesNotContain("/metrics");
			assertThat(context.getBean(MeterRegistry.class).counter("any.meter").getId().getTag("service"))
				.isEqualTo("user-service");
		});
	}

	@Test
	void bucketsConfiguredThenHistogramHasExactlyThem() {
		this.contextRunner.withPropertyValues("observability.metrics.http.buckets=10ms,250ms,2s").run((context) -> {
			context.getBean(HttpRequestMetrics.class)
				.onCompleted(new CompletedRequest("GET", "/x", "/x", 200, 1_000_000, null, null, null, null, null));
			String text = new String(context.getBean(PrometheusScraper.class).scrape(null).body(),
					StandardCharsets.UTF_8);
			assertThat(Exposition.parse(text).samples("http_request_duration_seconds_bucket"))
				.extracting((sample) -> sample.labels().get("le"))
				.containsExactly("0.01", "0.25", "2.0", "+Inf");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		PrometheusScraper userScraper(PrometheusRegistry registry) {
			return new PrometheusScraper(registry, (java.util.Properties) null);
		}

		@Bean
		HttpRequestMetrics userHttpMetrics(MeterRegistry registry) {
			return new HttpRequestMetrics(registry);
		}

		@Bean(PrometheusScrapeAutoConfiguration.ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint userEndpoint() {
			return new ObservabilityEndpoint("metrics", "/user",
					EndpointHandler.immediate((call) -> EndpointResponse.json(200, "{}")));
		}

		@Bean(HttpMetricsAutoConfiguration.SERVICE_TAG_CUSTOMIZER_BEAN_NAME)
		MeterRegistryCustomizer<MeterRegistry> userServiceTag() {
			return (registry) -> registry.config().commonTags("service", "user-service");
		}

	}

}
