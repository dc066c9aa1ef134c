package dev.aisd.observability.security.autoconfigure;

import dev.aisd.observability.endpoint.EndpointHandler;
import dev.aisd.observability.endpoint.EndpointResponse;
import dev.aisd.observability.endpoint.EndpointsAutoConfiguration;
import dev.aisd.observability.endpoint.ObservabilityEndpoint;

import dev.aisd.observability.security.SecurityMetrics;
import dev.aisd.observability.security.SecurityMetricsCollector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SecurityScorecardEndpointAutoConfigurationTests {

	private static final String ENDPOINT = SecurityScorecardEndpointAutoConfiguration.ENDPOINT_BEAN_NAME;

	private static final String ROUTER = EndpointsAutoConfiguration.ROUTES_BEAN_NAME;

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class,
				SecurityScorecardEndpointAutoConfiguration.class, EndpointsAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class,
				SecurityScorecardEndpointAutoConfiguration.class, EndpointsAutoConfiguration.class))
		.withUserConfiguration(RegistryConfiguration.class);

	@AfterEach
	void resetStaticCollector() {
		SecurityMetrics.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void scorecardWhenServletThenServedAtConfiguredPath() {
		this.contextRunner.withPropertyValues("observability.security-metrics.scorecard-path=/ops/scorecard")
			.run((context) -> {
				populate(context.getBean(SecurityMetricsCollector.class));
				MockMvc mvc = MockMvcBuilders
					.routerFunctions(context.getBean(ROUTER,
							org.springframework.web.servlet.function.RouterFunction.class))
					.build();
				MvcResult result = mvc.perform(get("/ops/scorecard")).andReturn();
				assertThat(result.getResponse().getStatus()).isEqualTo(200);
				assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
				assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
				var json = JsonMapper.builder().build().readTree(result.getResponse().getContentAsByteArray());
				ScorecardAssertions.assertContract(json);
				assertThat(json.get("kpis").get("compliance_scores").get("GDPR").asDouble()).isEqualTo(87.5);
				assertThat(json.get("dimensions").get("compliance").get("insufficient_data").asBoolean()).isFalse();
				assertThat(mvc.perform(get("/observability/security/scorecard")).andReturn().getResponse().getStatus())
					.isEqualTo(404);
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void scorecardWhenReactiveThenServed() {
		this.reactiveContextRunner.run((context) -> {
			populate(context.getBean(SecurityMetricsCollector.class));
			WebTestClient client = WebTestClient
				.bindToRouterFunction(context.getBean(ROUTER,
						org.springframework.web.reactive.function.server.RouterFunction.class))
				.build();
			byte[] body = client.get()
				.uri("/observability/security/scorecard")
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.expectBody()
				.returnResult()
				.getResponseBody();
			ScorecardAssertions.assertContract(JsonMapper.builder().build().readTree(body));
		});
	}

	@Test
	void scorecardWhenNoDataThenInsufficientDataInsteadOfZero() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = MockMvcBuilders
				.routerFunctions(context.getBean(ROUTER, org.springframework.web.servlet.function.RouterFunction.class))
				.build();
			var json = JsonMapper.builder()
				.build()
				.readTree(mvc.perform(get("/observability/security/scorecard"))
					.andReturn()
					.getResponse()
					.getContentAsByteArray());
			assertThat(json.get("dimensions").get("compliance").get("insufficient_data").asBoolean()).isTrue();
			assertThat(json.get("dimensions").get("compliance").get("score").isNull()).isTrue();
		});
	}

	@Test
	void scorecardWhenDisabledThenNoRoute() {
		this.contextRunner.withPropertyValues("observability.security-metrics.scorecard-enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ENDPOINT));
	}

	@Test
	void scorecardWhenSecurityMetricsDisabledThenNoRoute() {
		this.contextRunner.withPropertyValues("observability.security-metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ENDPOINT));
	}

	@Test
	void scorecardWhenNotAWebApplicationThenNoRoute() {
		new org.springframework.boot.test.context.runner.ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SecurityMetricsAutoConfiguration.class,
					SecurityScorecardEndpointAutoConfiguration.class))
			.withUserConfiguration(RegistryConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(SecurityMetricsCollector.class)
				.doesNotHaveBean(ENDPOINT));
	}

	@Test
	void scorecardWhenUserDefinesRouteBeanThenUserWins() {
		this.contextRunner.withUserConfiguration(UserRouteConfiguration.class)
			.run((context) -> assertThat(context.getBean(ENDPOINT)).isSameAs(UserRouteConfiguration.ROUTE));
	}

	private static void populate(SecurityMetricsCollector collector) {
		collector.updateComplianceScore("GDPR", 87.5);
		collector.recordAttackBlocked("sql_injection", "high", 0.95);
		collector.recordThreatDetected("bot", "user_agent", 0.8);
		collector.updateThreatLevel(2);
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRouteConfiguration {

		static final ObservabilityEndpoint ROUTE = new ObservabilityEndpoint("scorecard", "/mine",
				EndpointHandler.immediate((call) -> EndpointResponse.json(200, "{}")));

		@Bean(SecurityScorecardEndpointAutoConfiguration.ENDPOINT_BEAN_NAME)
		ObservabilityEndpoint userRoute() {
			return ROUTE;
		}

	}

}
