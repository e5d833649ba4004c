package org.grassroots.gateway.problem;

import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the gateway answers with. The slug is the stable part of the contract: it forms the
 * {@code type} URN and the {@code code} field; titles and details are localized in {@code problems*.properties}.
 */
public enum ProblemType {

	MALFORMED_REQUEST("malformed-body", HttpStatus.BAD_REQUEST),
	VALIDATION_FAILED("validation", HttpStatus.BAD_REQUEST),
	BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
	UNAUTHORIZED("token-missing", HttpStatus.UNAUTHORIZED),
	INVALID_TOKEN("token-invalid", HttpStatus.UNAUTHORIZED),
	INVALID_API_KEY("invalid-api-key", HttpStatus.UNAUTHORIZED),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
	IP_NOT_ALLOWED("ip-not-allowed", HttpStatus.FORBIDDEN),
	TENANT_UNAVAILABLE("tenant-unavailable", HttpStatus.FORBIDDEN),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
	TENANT_NOT_FOUND("tenant-not-found", HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
	TENANT_EXISTS("tenant-exists", HttpStatus.CONFLICT),
	CONFLICT("conflict", HttpStatus.CONFLICT),
	PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED),
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	PRECONDITION_REQUIRED("precondition-required", HttpStatus.PRECONDITION_REQUIRED),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
	INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR),
	SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
	IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

	private static final String URN_PREFIX = "urn:problem:grassroots:";

	private final String slug;

	private final HttpStatus status;

	ProblemType(String slug, HttpStatus status) {
		this.slug = slug;
		this.status = status;
	}

	public String slug() {
		return slug;
	}

	public HttpStatus status() {
		return status;
	}

	public String uri() {
		return URN_PREFIX + slug;
	}

	/** The generic problem for a status we have no specific type for. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 428 -> PRECONDITION_REQUIRED;
			case 429 -> RATE_LIMITED;
			case 502, 503, 504 -> SERVICE_UNAVAILABLE;
			default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
		};
	}

}
