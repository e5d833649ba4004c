package org.grassroots.testsupport;

/**
 * A service database with its two roles: the owner that Flyway migrates as, and the application role that
 * owns nothing and cannot bypass row-level security.
 */
public record DatabaseCredentials(String jdbcUrl, String ownerUser, String ownerPassword, String appUser,
		String appPassword) {
}
