package org.grassroots.gateway.tenants;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A district (区/县) served by the platform.
 * @param code district code per GB/T 2260 (six digits), the tenant id everywhere
 * @param name the district's name
 * @param status whether it is served
 * @param settings per-district settings, e.g. {@code timeZone}
 * @param version optimistic-concurrency version, exposed as the ETag
 */
public record Tenant(String code, String name, TenantStatus status, Map<String, Object> settings,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	public static final String CODE_PATTERN = "^\\d{6}$";

	public static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";

	public boolean isActive() {
		return status == TenantStatus.ACTIVE;
	}

	public String etag() {
		return "\"" + version + "\"";
	}

	public static boolean isValidCode(String code) {
		return code != null && code.length() == 6 && code.chars().allMatch(c -> c >= '0' && c <= '9');
	}

}
