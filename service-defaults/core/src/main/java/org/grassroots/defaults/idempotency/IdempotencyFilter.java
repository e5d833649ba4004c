package org.grassroots.defaults.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.grassroots.defaults.problem.ProblemWriter;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.InternalTokenFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the same key with the same request replays the stored response; the same key
 * with another request is a 422; a duplicate arriving while the first still runs waits briefly for its outcome,
 * then gets a 409 to retry. Server failures (5xx) are not stored, so the client may retry them.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

	public static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final IdempotencyStore store;

	private final ProblemWriter problems;

	private final Duration waitForConcurrent;

	public IdempotencyFilter(IdempotencyStore store, ProblemWriter problems, Duration waitForConcurrent) {
		this.store = store;
		this.problems = problems;
		this.waitForConcurrent = waitForConcurrent;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Caller caller = (Caller) request.getAttribute(InternalTokenFilter.CALLER_ATTRIBUTE);
		if (caller == null || caller.tenant() == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER);
		if (!KEY.matcher(key).matches()) {
			problems.write(request, response, HttpStatus.BAD_REQUEST, "idempotency-key-invalid");
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		String hash = hash(request, body);
		String tenant = caller.tenant();
		String subject = caller.subject();
		if (store.claim(tenant, subject, key, hash)) {
			execute(new CachedBodyRequest(request, body), response, chain, tenant, subject, key);
			return;
		}
		Optional<IdempotencyStore.StoredResponse> stored = awaitCompletion(tenant, subject, key);
		if (stored.isEmpty()) {
			// released by a failed first attempt in the meantime: claim again
			if (store.claim(tenant, subject, key, hash)) {
				execute(new CachedBodyRequest(request, body), response, chain, tenant, subject, key);
			}
			else {
				inProgress(request, response);
			}
			return;
		}
		IdempotencyStore.StoredResponse earlier = stored.get();
		if (!earlier.requestHash().equals(hash)) {
			problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused");
		}
		else if (!earlier.completed()) {
			inProgress(request, response);
		}
		else {
			replay(earlier, response);
		}
	}

	private void execute(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String tenant,
			String subject, String key) throws IOException, ServletException {
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean stored = false;
		try {
			chain.doFilter(request, wrapper);
			int status = wrapper.getStatus();
			if (status < 500) {
				store.complete(tenant, subject, key, status, wrapper.getContentType(),
						wrapper.getHeader(HttpHeaders.LOCATION), wrapper.getHeader(HttpHeaders.ETAG),
						wrapper.getContentAsByteArray());
				stored = true;
			}
		}
		finally {
			if (!stored) {
				store.release(tenant, subject, key);
			}
			wrapper.copyBodyToResponse();
		}
	}

	private Optional<IdempotencyStore.StoredResponse> awaitCompletion(String tenant, String subject, String key) {
		long deadline = System.nanoTime() + waitForConcurrent.toNanos();
		Optional<IdempotencyStore.StoredResponse> stored = store.find(tenant, subject, key);
		while (stored.isPresent() && !stored.get().completed() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			stored = store.find(tenant, subject, key);
		}
		return stored;
	}

	private void inProgress(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		problems.write(request, response, HttpStatus.CONFLICT, "idempotency-in-progress");
	}

	private static void replay(IdempotencyStore.StoredResponse earlier, HttpServletResponse response)
			throws IOException {
		response.setStatus(earlier.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (earlier.contentType() != null) {
			response.setContentType(earlier.contentType());
		}
		if (earlier.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, earlier.location());
		}
		if (earlier.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, earlier.etag());
		}
		if (earlier.body() != null) {
			response.getOutputStream().write(earlier.body());
		}
	}

	static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) ' ');
			digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
			if (request.getQueryString() != null) {
				digest.update((byte) '?');
				digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
			}
			digest.update((byte) '\n');
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The body was read to hash it; hand the same bytes to the controller. */
	private static final class CachedBodyRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBodyRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous body only");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
