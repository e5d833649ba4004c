package org.grassroots.defaults.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.grassroots.defaults.problem.ProblemWriter;
import org.grassroots.defaults.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request but the public paths must carry the gateway's internal token. The verified caller becomes the
 * request's {@link Caller}, its tenant the {@link TenantContext} for row-level security, and both go into the log
 * context. Nothing a client sends in other headers is trusted.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(InternalTokenFilter.class);

	public static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private final InternalTokenVerifier verifier;

	private final InternalTokenProperties properties;

	private final ProblemWriter problems;

	private final AntPathMatcher matcher = new AntPathMatcher();

	public InternalTokenFilter(InternalTokenVerifier verifier, InternalTokenProperties properties,
			ProblemWriter problems) {
		this.verifier = verifier;
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return properties.publicPaths().stream().anyMatch(p -> matcher.match(p, path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		Caller caller;
		try {
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				throw new InvalidTokenException("token-missing", "no bearer token", null);
			}
			caller = verifier.verify(header.substring(7).trim());
		}
		catch (InvalidTokenException ex) {
			log.debug("Rejected internal token: {}", ex.getMessage());
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, ex.reasonCode());
			return;
		}
		request.setAttribute(CALLER_ATTRIBUTE, caller);
		CallerHolder.set(caller);
		TenantContext.set(caller.tenant());
		MDC.put("tenant", caller.tenant() == null ? "-" : caller.tenant());
		MDC.put("subject", caller.subject());
		try {
			chain.doFilter(request, response);
		}
		finally {
			CallerHolder.clear();
			TenantContext.clear();
			MDC.remove("tenant");
			MDC.remove("subject");
		}
	}
}
