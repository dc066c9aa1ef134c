package dev.aisd.observability.sample.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The HTTP session as the store of an operator's login to the console, and for nothing
 * else. An open console tab polls every few seconds; checking its HTTP Basic credentials
 * on each poll would cost a BCrypt hash per request, which is slow by design. So a login on
 * a console request is saved in the session (the browser then sends its cookie), and the
 * session is read back only for the requests the page makes: reads of the observability
 * endpoints. Every other request (the JSON API, the drill switches, a scraper or script
 * that sends HTTP Basic) neither creates a session nor is authorized by one: the cookie
 * cannot carry a write, and machine clients stay stateless.
 */
final class ConsoleSessionContextRepository implements SecurityContextRepository {

	private final RequestMatcher reads;

	private final RequestMatcher logins;

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	/**
	 * Creates the repository.
	 * @param reads the requests a saved login authorizes
	 * @param logins the requests whose login is saved; a subset of {@code reads}
	 */
	ConsoleSessionContextRepository(RequestMatcher reads, RequestMatcher logins) {
		this.reads = reads;
		this.logins = logins;
		this.sessions.setDisableUrlRewriting(true);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (this.reads.matches(request)) {
			return this.sessions.loadDeferredContext(request);
		}
		return new DeferredSecurityContext() {

			@Override
			public SecurityContext get() {
				return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
			}

			@Override
			public boolean isGenerated() {
				return true;
			}

		};
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		if (!this.logins.matches(request)) {
			return;
		}
		// HTTP Basic saves only a fresh login (the same user already in the session is not
		// checked again). A fresh login into an existing session gets a new session id, as
		// Spring Security's session fixation protection does for form logins: an id known
		// before the login must not carry it.
		if (context.getAuthentication() != null && request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.sessions.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return this.reads.matches(request) && this.sessions.containsContext(request);
	}

}
