package org.grassroots.gateway.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The integrator call audit log.
 * @param queueCapacity calls buffered in memory; beyond it calls are dropped and counted, never blocking
 * @param batchSize rows per insert
 * @param flushInterval how often the buffer is written
 */
@ConfigurationProperties("grassroots.gateway.audit")
public record AuditProperties(@DefaultValue("10000") int queueCapacity, @DefaultValue("500") int batchSize,
		@DefaultValue("1s") Duration flushInterval) {

}
