package org.grassroots.gateway.tenants;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway may serve a tenant's status from memory.
 */
@ConfigurationProperties("grassroots.gateway.tenants")
public record TenantProperties(@DefaultValue("10s") Duration cacheTtl, @DefaultValue("10000") int cacheSize) {

}
