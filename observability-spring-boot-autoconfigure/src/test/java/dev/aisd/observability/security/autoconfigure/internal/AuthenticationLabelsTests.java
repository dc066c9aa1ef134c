package dev.aisd.observability.security.autoconfigure.internal;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureCredentialsExpiredEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureExpiredEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationFailureProviderNotFoundEvent;
import org.springframework.security.authentication.event.AuthenticationFailureServiceExceptionEvent;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationLabelsTests {

	@Test
	void authMethodWhenUsernamePasswordWithBasicHeaderThenBasic() {
		assertThat(AuthenticationLabels.authMethod(UsernamePasswordAuthenticationToken.class, "basic ZGVtbzp4", null,
				true))
			.isEqualTo("basic");
	}

	@Test
	void authMethodWhenUsernamePasswordFromFormThenForm() {
		assertThat(AuthenticationLabels.authMethod(UsernamePasswordAuthenticationToken.class, null,
				"application/x-www-form-urlencoded;charset=UTF-8", true))
			.isEqualTo("form");
	}

	@Test
	void authMethodWhenUsernamePasswordFromJsonOrOutsideARequestThenPassword() {
		assertThat(AuthenticationLabels.authMethod(UsernamePasswordAuthenticationToken.class, null,
				"application/json", true))
			.isEqualTo("password");
		assertThat(AuthenticationLabels.authMethod(UsernamePasswordAuthenticationToken.class, null, null, false))
			.isEqualTo("password");
	}

	@Test
	void authMethodWhenBearerSchemeOnUsernamePasswordThenPassword() {
		assertThat(AuthenticationLabels.authMethod(UsernamePasswordAuthenticationToken.class, "Bearer abc", null, true))
			.isEqualTo("password");
	}

	@Test
	void authMethodWhenKnownTokensThenNamedMethod() {
		assertThat(AuthenticationLabels.authMethod(RememberMeAuthenticationToken.class, null, null, true))
			.isEqualTo("remember_me");
		assertThat(AuthenticationLabels.authMethod(AnonymousAuthenticationToken.class, null, null, true))
			.isEqualTo("anonymous");
		assertThat(AuthenticationLabels.authMethod(PreAuthenticatedAuthenticationToken.class, null, null, true))
			.isEqualTo("pre_authenticated");
		assertThat(AuthenticationLabels.authMethod(TestingAuthenticationToken.class, null, null, true))
			.isEqualTo("testing");
	}

	@Test
	void authMethodWhenUnknownTokenThenSnakeCaseOfItsType() {
		assertThat(AuthenticationLabels.authMethod(SmartCardAuthenticationToken.class, null, null, true))
			.isEqualTo("smart_card");
		assertThat(AuthenticationLabels.authMethod(null, null, null, true)).isEqualTo("unknown");
	}

	@Test
	void failureReasonWhenSpringSecurityEventsThenStableReasons() {
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureBadCredentialsEvent.class))
			.isEqualTo("bad_credentials");
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureLockedEvent.class))
			.isEqualTo("account_locked");
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureDisabledEvent.class))
			.isEqualTo("account_disabled");
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureExpiredEvent.class))
			.isEqualTo("account_expired");
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureCredentialsExpiredEvent.class))
			.isEqualTo("credentials_expired");
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureProviderNotFoundEvent.class))
			.isEqualTo("provider_not_found");
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureServiceExceptionEvent.class))
			.isEqualTo("service_error");
	}

	@Test
	void failureReasonWhenCustomEventThenSnakeCaseOfItsType() {
		assertThat(AuthenticationLabels.failureReason(AuthenticationFailureTooManyAttemptsEvent.class))
			.isEqualTo("too_many_attempts");
	}

	static class SmartCardAuthenticationToken {

	}

	static class AuthenticationFailureTooManyAttemptsEvent {

	}

}
