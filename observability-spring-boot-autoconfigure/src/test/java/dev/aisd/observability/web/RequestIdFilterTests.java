package dev.aisd.observability.web;

import java.util.concurrent.atomic.AtomicReference;

import dev.aisd.observability.web.internal.RequestIdThreadLocalAccessor;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter("X-Request-ID");

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/items/1");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void doFilterWhenValidIdThenKeptEchoedAndInMdcDuringChainOnly() throws Exception {
		this.request.addHeader("X-Request-ID", "abc-123");
		AtomicReference<String> inChain = new AtomicReference<>();

		this.filter.doFilter(this.request, this.response,
				new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
				}, (req, res, chain) -> inChain.set(MDC.get("request_id"))));

		assertThat(inChain.get()).isEqualTo("abc-123");
		assertThat(this.response.getHeader("X-Request-ID")).isEqualTo("abc-123");
		assertThat(this.request.getAttribute(RequestAttributes.REQUEST_ID)).isEqualTo("abc-123");
		assertThat(MDC.get(RequestIdThreadLocalAccessor.MDC_KEY)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a b", "<script>alert(1)</script>", "caf\u00e9", "a\r\nX-Injected: 1", "a\nb",
			"a\"b", "a\\b" })
	void doFilterWhenHostileIdThenReplacedEverywhere(String hostile) throws Exception {
		this.request.addHeader("X-Request-ID", hostile);
		AtomicReference<String> inChain = new AtomicReference<>();

		this.filter.doFilter(this.request, this.response,
				(req, res) -> inChain.set(MDC.get(RequestIdThreadLocalAccessor.MDC_KEY)));

		String echoed = this.response.getHeader("X-Request-ID");
		assertThat(echoed).matches("[0-9a-f]{32}");
		assertThat(inChain.get()).isEqualTo(echoed);
		assertThat(this.request.getAttribute(RequestAttributes.REQUEST_ID)).isEqualTo(echoed);
	}

	@Test
	void doFilterWhenHugeIdThenReplaced() throws Exception {
		this.request.addHeader("X-Request-ID", "a".repeat(10 * 1024));

		this.filter.doFilter(this.request, this.response, new MockFilterChain());

		assertThat(this.response.getHeader("X-Request-ID")).matches("[0-9a-f]{32}");
	}

	@Test
	void doFilterWhenNoIdThenGenerated() throws Exception {
		this.filter.doFilter(this.request, this.response, new MockFilterChain());

		assertThat(this.response.getHeader("X-Request-ID")).matches("[0-9a-f]{32}");
	}

	@Test
	void doFilterWhenErrorDispatchThenKeepsIdOfOriginalRequest() throws Exception {
		this.filter.doFilter(this.request, this.response, new MockFilterChain());
		String first = this.response.getHeader("X-Request-ID");
		MockHttpServletResponse errorResponse = new MockHttpServletResponse();
		this.request.setDispatcherType(DispatcherType.ERROR);
		AtomicReference<String> inChain = new AtomicReference<>();

		this.filter.doFilter(this.request, errorResponse,
				(req, res) -> inChain.set(MDC.get(RequestIdThreadLocalAccessor.MDC_KEY)));

		assertThat(inChain.get()).isEqualTo(first);
		assertThat(errorResponse.getHeader("X-Request-ID")).isEqualTo(first);
	}

	@Test
	void doFilterWhenChainThrowsThenMdcCleared() {
		assertThatIllegalStateException().isThrownBy(() -> this.filter.doFilter(this.request, this.response,
				(req, res) -> {
					throw new IllegalStateException("boom");
				}));
		assertThat(MDC.get(RequestIdThreadLocalAccessor.MDC_KEY)).isNull();
	}

}
