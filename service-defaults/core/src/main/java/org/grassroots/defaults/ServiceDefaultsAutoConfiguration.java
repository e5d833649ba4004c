package org.grassroots.defaults;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import feign.Retryer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.swagger.v3.oas.models.OpenAPI;
import org.grassroots.defaults.events.EventHandler;
import org.grassroots.defaults.events.EventStreams;
import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.events.OutboxRelay;
import org.grassroots.defaults.events.StreamConsumers;
import org.grassroots.defaults.feign.FeignConvertersWarmUp;
import org.grassroots.defaults.feign.IdempotentReadRetryer;
import org.grassroots.defaults.feign.InternalTokenRelay;
import org.grassroots.defaults.idempotency.IdempotencyFilter;
import org.grassroots.defaults.idempotency.IdempotencyStore;
import org.grassroots.defaults.openapi.OpenApiDefaults;
import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.privacy.PersonalDataCipher;
import org.grassroots.defaults.privacy.PersonalDataProperties;
import org.grassroots.defaults.problem.ProblemCatalog;
import org.grassroots.defaults.problem.ProblemErrorController;
import org.grassroots.defaults.problem.ProblemHandler;
import org.grassroots.defaults.problem.ProblemWriter;
import org.grassroots.defaults.security.CallerArgumentResolver;
import org.grassroots.defaults.security.InternalTokenFilter;
import org.grassroots.defaults.security.InternalTokenProperties;
import org.grassroots.defaults.security.InternalTokenVerifier;
import org.grassroots.defaults.tenancy.RowLevelSecurityGuard;
import org.grassroots.defaults.tenancy.ServiceDefaultsMigrations;
import org.grassroots.defaults.tenancy.TenantTransactionManager;
import org.grassroots.defaults.web.BodySizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.openfeign.CircuitBreakerNameResolver;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Grassroots service gets by depending on service-defaults: internal-token authentication, tenant
 * context for row-level security, problem+json errors in Chinese or English, request size limits,
 * Idempotency-Key, the outbox and stream consumers, Feign defaults, and observability defaults.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
		"org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration" })
@EnableConfigurationProperties({ InternalTokenProperties.class, PersonalDataProperties.class })
@EnableScheduling
public class ServiceDefaultsAutoConfiguration {

	static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	// ---- errors -------------------------------------------------------------------------------------------

	@Bean
	@ConditionalOnMissingBean(name = "localeResolver")
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
		resolver.setDefaultLocale(DEFAULT_LOCALE);
		return resolver;
	}

	@Bean
	ProblemCatalog problemCatalog(ObjectProvider<Tracer> tracer) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		// a service's own problems.properties first, then the shared catalogue
		messages.setBasenames("problems", "grassroots-problems");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setDefaultLocale(DEFAULT_LOCALE);
		return new ProblemCatalog(messages, tracer);
	}

	@Bean
	ProblemWriter problemWriter(ProblemCatalog catalog, LocaleResolver localeResolver, JsonMapper json) {
		return new ProblemWriter(catalog, localeResolver, json);
	}

	@Bean
	ProblemHandler problemHandler(ProblemCatalog catalog) {
		return new ProblemHandler(catalog);
	}

	@Bean
	ProblemErrorController problemErrorController(ProblemCatalog catalog, LocaleResolver localeResolver) {
		return new ProblemErrorController(catalog, localeResolver);
	}

	// ---- request filters ----------------------------------------------------------------------------------

	@Bean
	InternalTokenVerifier internalTokenVerifier(InternalTokenProperties properties) {
		return new InternalTokenVerifier(properties);
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(ProblemWriter problems,
			@Value("${grassroots.web.max-body-size:1MB}") DataSize maxBodySize) {
		var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodySize.toBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(InternalTokenVerifier verifier,
			InternalTokenProperties properties, ProblemWriter problems) {
		var registration = new FilterRegistrationBean<>(new InternalTokenFilter(verifier, properties, problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
		var registration = new FilterRegistrationBean<>(
				new IdempotencyFilter(store, problems, Duration.ofSeconds(5)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	// ---- data: tenant transactions, migrations, guard -----------------------------------------------------

	@Bean
	TenantTransactionManager transactionManager(DataSource dataSource) {
		return new TenantTransactionManager(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy serviceDefaultsMigrations(
			@Value("${grassroots.database.app-role:${spring.datasource.username:}}") String appRole) {
		return new ServiceDefaultsMigrations(appRole.isBlank() ? null : appRole);
	}

	@Bean
	@DependsOnDatabaseInitialization
	@ConditionalOnProperty(name = "grassroots.database.verify-row-level-security", matchIfMissing = true)
	RowLevelSecurityGuard rowLevelSecurityGuard(DataSource dataSource) {
		return new RowLevelSecurityGuard(dataSource);
	}

	@Bean
	@DependsOnDatabaseInitialization
	IdempotencyStore idempotencyStore(JdbcClient jdbc, TransactionTemplate tx,
			@Value("${grassroots.idempotency.retention:PT24H}") Duration retention) {
		return new IdempotencyStore(jdbc, tx, retention);
	}

	// ---- personal data ------------------------------------------------------------------------------------

	/** Only where keys are configured: a service that stores personal data fails at start without them. */
	@Bean
	@ConditionalOnProperty(prefix = "grassroots.privacy", name = "active-key")
	PersonalDataCipher personalDataCipher(PersonalDataProperties properties) {
		return new PersonalDataCipher(properties);
	}

	@Bean
	PersonalDataAudit personalDataAudit(JdbcClient jdbc) {
		return new PersonalDataAudit(jdbc);
	}

	// ---- events -------------------------------------------------------------------------------------------

	@Bean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, @Value("${spring.application.name}") String service) {
		return new Outbox(jdbc, json, service);
	}

	@Bean
	@DependsOnDatabaseInitialization
	@ConditionalOnProperty(name = "grassroots.events.relay-enabled", matchIfMissing = true)
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate tx, StringRedisTemplate redis,
			@Value("${spring.application.name}") String service,
			@Value("${grassroots.events.outbox-retention:P7D}") Duration retention, MeterRegistry meters) {
		return new OutboxRelay(jdbc, tx, redis, EventStreams.of(service), 100, retention, meters);
	}

	@Bean
	@DependsOnDatabaseInitialization
	StreamConsumers streamConsumers(List<EventHandler> handlers, StringRedisTemplate redis, JdbcClient jdbc,
			TransactionTemplate tx, @Value("${spring.application.name}") String service,
			@Value("${grassroots.events.reclaim-idle:PT30S}") Duration reclaimIdle,
			@Value("${grassroots.events.max-deliveries:5}") int maxDeliveries, MeterRegistry meters) {
		String consumer = service + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		return new StreamConsumers(handlers, redis, jdbc, tx, consumer, reclaimIdle, maxDeliveries, meters);
	}

	// ---- Feign --------------------------------------------------------------------------------------------

	@Bean
	InternalTokenRelay internalTokenRelay() {
		return new InternalTokenRelay();
	}

	@Bean
	@ConditionalOnMissingBean
	Retryer feignRetryer() {
		return new IdempotentReadRetryer();
	}

	@Bean
	FeignConvertersWarmUp feignConvertersWarmUp(ObjectProvider<FeignClientFactory> clients) {
		return new FeignConvertersWarmUp(clients);
	}

	/** One circuit breaker per client (not per method): a provider is either healthy or not. */
	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerNameResolver circuitBreakerNameResolver() {
		return (feignClientName, target, method) -> feignClientName;
	}

	// ---- observability and docs ---------------------------------------------------------------------------

	@Bean
	MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name}") String service) {
		return registry -> registry.config().commonTags("application", service);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAPI openApi(@Value("${spring.application.name}") String service) {
		return OpenApiDefaults.document(service, "");
	}
}
