package org.grassroots.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.nimbusds.jose.jwk.RSAKey;

import org.grassroots.launcher.apps.AppSupervisor;
import org.grassroots.launcher.apps.PlatformApp;
import org.grassroots.launcher.apps.PlatformWiring;
import org.grassroots.launcher.credentials.ClientCredentials;
import org.grassroots.launcher.credentials.CredentialsFile;
import org.grassroots.launcher.credentials.LocalCredentials;
import org.grassroots.launcher.datadir.DataDirectory;
import org.grassroots.launcher.demo.DemoClient;
import org.grassroots.launcher.demo.DemoTenants;
import org.grassroots.launcher.infra.Infrastructure;
import org.grassroots.launcher.infra.ProcessRegistry;
import org.grassroots.launcher.issuer.IssuerClient;
import org.grassroots.launcher.issuer.IssuerServer;
import org.grassroots.launcher.issuer.TokenClient;
import org.grassroots.launcher.secrets.PlatformSecrets;
import org.grassroots.launcher.seed.GatewayApi;
import org.grassroots.launcher.seed.Seeder;
import org.grassroots.testsupport.DatabaseCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on this machine: embedded PostgreSQL and Redis, the local OIDC issuer, the gateway and the
 * five services as child JVMs, seeded with the demo tenants. Used by the launcher's {@code main} and, as a handle,
 * by the end-to-end tests ({@link LocalPlatformOptions#forTests(Path)}).
 *
 * <p>Everything started is stopped by {@link #close()}, in reverse order (apps, issuer, Redis, PostgreSQL), also
 * when starting fails half-way and, through a shutdown hook, when the JVM exits without closing it.
 */
public final class LocalPlatform implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);

	private final LocalPlatformOptions options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** What is running, most recent last; closed in reverse. */
	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private final Thread shutdownHook = new Thread(this::close, "grassroots-launcher-stop");

	private boolean closed;

	private volatile DataDirectory dataDirectory;

	private volatile Infrastructure infrastructure;

	private volatile IssuerServer issuer;

	private volatile AppSupervisor apps;

	private volatile PlatformPorts ports;

	private volatile PlatformSecrets secrets;

	private volatile LocalCredentials credentials;

	private volatile TokenClient tokenClient;

	private LocalPlatform(LocalPlatformOptions options) {
		this.options = options;
	}

	/** Starts everything and returns once the apps are ready and the demo is seeded. */
	public static LocalPlatform start(LocalPlatformOptions options) {
		LocalPlatform platform = prepare(options);
		platform.boot();
		return platform;
	}

	/**
	 * A platform not started yet: lets {@code main} hand it to its signal handler before the (long) start, so a
	 * Ctrl-C during start-up stops what already runs.
	 */
	static LocalPlatform prepare(LocalPlatformOptions options) {
		LocalPlatform platform = new LocalPlatform(options);
		Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
		return platform;
	}

	void boot() {
		try {
			dataDirectory = track(DataDirectory.open(options.dataDirectory(), options.freshData()));
			ProcessRegistry registry = new ProcessRegistry(dataDirectory.processes());
			registry.stopLeftovers(dataDirectory.postgres());
			ports = PlatformPorts.resolve(options);

			List<String> databases = Arrays.stream(PlatformApp.values()).map(PlatformApp::database).toList();
			infrastructure = track(Infrastructure.start(dataDirectory, ports.postgres(), ports.redis(), databases));
			recordRedis(registry);

			secrets = PlatformSecrets.loadOrCreate(dataDirectory.secrets());
			Optional<LocalCredentials> previous = dataDirectory.isInitialised()
					? CredentialsFile.read(dataDirectory.credentialsFile()) : Optional.empty();
			credentials = LocalCredentials.forDemo(url(ports.apps().get(PlatformApp.GATEWAY)), url(ports.issuer()),
					previous);

			// the issuer starts while the apps do: none of them needs it before the first request
			CompletableFuture<IssuerServer> issuerStarting = startIssuer();
			PlatformWiring wiring = new PlatformWiring(ports.apps(), infrastructure::database,
					infrastructure.redisUrl(), URI.create(credentials.issuer()), secrets);
			apps = track(new AppSupervisor(wiring, dataDirectory.root(), options.jvmOptions(),
					options.readinessTimeout(), registry));
			apps.startAll();
			issuer = await(issuerStarting);
			tokenClient = new TokenClient(issuer.issuer(), http);

			if (options.seedDemoData()) {
				credentials = new Seeder(new GatewayApi(gatewayUrl(), http), this::tokenFor, Seeder.allDemoData())
					.seed(credentials);
			}
			CredentialsFile.write(dataDirectory.credentialsFile(), credentials);
			dataDirectory.markInitialised();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Starts the issuer on a thread of its own (one created here, so it inherits the launcher's class loader, which
	 * Spring needs inside the launcher jar). It registers itself for closing as soon as it runs, so a failed or
	 * interrupted start stops it too.
	 */
	private CompletableFuture<IssuerServer> startIssuer() {
		CompletableFuture<IssuerServer> starting = new CompletableFuture<>();
		List<IssuerClient> clients = issuerClients(credentials);
		Thread starter = new Thread(() -> {
			try {
				IssuerServer server = track(IssuerServer.start(ports.issuer(), secrets.issuerKey(), clients));
				log.info("Issuer at {}", server.issuer());
				starting.complete(server);
			}
			catch (Throwable ex) {
				starting.completeExceptionally(ex);
			}
		}, "grassroots-issuer-start");
		starter.setDaemon(true);
		starter.start();
		return starting;
	}

	private static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LauncherException("Interrupted while starting", ex);
		}
	}

	private <T extends AutoCloseable> T track(T component) {
		synchronized (started) {
			if (closed) {
				closeQuietly(component);
				throw new LauncherException("Stopped while starting");
			}
			started.push(component);
		}
		return component;
	}

	/**
	 * Remembers the Redis server's pid (the embedded-Redis library does not expose it) so that a killed launcher's
	 * Redis is stopped by the next start.
	 */
	private static void recordRedis(ProcessRegistry registry) {
		ProcessHandle.current()
			.children()
			.filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false))
			.findFirst()
			.ifPresent(p -> registry.record("redis", p));
	}

	private static List<IssuerClient> issuerClients(LocalCredentials credentials) {
		var secretByClient = credentials.secretsByClientId();
		return DemoTenants.allClients()
			.stream()
			.map((DemoClient c) -> new IssuerClient(c.clientId(), secretByClient.get(c.clientId()), c.tenant(),
					c.roles(), c.region()))
			.toList();
	}

	private static String url(int port) {
		return "http://localhost:" + port;
	}

	public URI gatewayUrl() {
		return URI.create(credentials.gateway());
	}

	public URI issuerUrl() {
		return URI.create(credentials.issuer());
	}

	public URI appUrl(String app) {
		return URI.create(url(ports.apps().get(PlatformApp.byName(app))));
	}

	public LocalCredentials credentials() {
		return credentials;
	}

	public Path dataDirectory() {
		return dataDirectory.root();
	}

	public Path logFile(String app) {
		return apps.logFile(PlatformApp.byName(app));
	}

	/** An access token from the issuer for the demo tenant's client with this role (client-credentials grant). */
	public String tokenFor(String tenantCode, String role) {
		ClientCredentials client = credentials.client(tenantCode, role);
		return tokenClient.accessToken(client.clientId(), client.clientSecret());
	}

	/** An access token of the platform operator (no tenant). */
	public String operatorToken() {
		return tokenFor(null, DemoTenants.PLATFORM_OPERATOR);
	}

	/** The issuer's signing key, for tests that need tokens the issuer would never issue (e.g. expired ones). */
	public RSAKey issuerSigningKey() {
		return secrets.issuerKey();
	}

	/** Owner and application role of an app's database, e.g. {@code volunteer}. */
	public DatabaseCredentials database(String name) {
		return infrastructure.database(name);
	}

	/** Stops one app (SIGTERM, then SIGKILL after a grace period), e.g. to test a downstream failure. */
	public void stopApp(String app) {
		apps.stop(PlatformApp.byName(app));
	}

	/** Starts a stopped app again and waits until it is ready. */
	public void startApp(String app) {
		apps.start(PlatformApp.byName(app));
	}

	/** Stops the apps, the issuer, Redis and PostgreSQL, in that order. Safe to call more than once. */
	@Override
	public void close() {
		List<AutoCloseable> toClose;
		synchronized (started) {
			if (closed) {
				return;
			}
			closed = true;
			toClose = List.copyOf(started);
			started.clear();
		}
		if (!toClose.isEmpty()) {
			log.info("Stopping the local platform");
		}
		toClose.forEach(LocalPlatform::closeQuietly);
		if (!toClose.isEmpty()) {
			log.info("Local platform stopped");
		}
		if (Thread.currentThread() != shutdownHook) {
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is already shutting down
			}
		}
	}

	private static void closeQuietly(AutoCloseable component) {
		try {
			component.close();
		}
		catch (Exception ex) {
			log.warn("Could not stop {}: {}", component.getClass().getSimpleName(), ex.toString());
		}
	}

}
