package org.grassroots.launcher;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.grassroots.launcher.credentials.CredentialsFile;
import org.grassroots.launcher.credentials.LocalCredentials;
import org.grassroots.launcher.credentials.TenantCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * {@code java -jar grassroots-local.jar}: runs the local platform until Ctrl-C.
 */
public final class LauncherApplication {

	private static final Logger log = LoggerFactory.getLogger(LauncherApplication.class);

	private LauncherApplication() {
	}

	public static void main(String[] args) {
		LocalPlatformOptions options;
		try {
			options = LauncherArguments.parse(args, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.print(LauncherArguments.USAGE);
			System.exit(2);
			return;
		}
		if (options == null) {
			System.out.print(LauncherArguments.USAGE);
			return;
		}
		LocalPlatform platform = LocalPlatform.prepare(options);
		AtomicBoolean stopping = new AtomicBoolean();
		stopOnSignals(platform, stopping);
		try {
			platform.boot();
		}
		catch (RuntimeException ex) {
			if (stopping.get()) {
				// Ctrl-C during start-up: whatever failed, failed because we are stopping; the signal handler exits
				awaitShutdown();
			}
			if (ex instanceof LauncherException) {
				log.error(ex.getMessage());
			}
			else {
				log.error("The local platform did not start", ex);
			}
			System.exit(1);
		}
		printCredentials(platform);
		awaitShutdown();
	}

	/**
	 * Ctrl-C or SIGTERM: stop everything in order (apps, issuer, Redis, PostgreSQL) before the JVM runs its
	 * shutdown hooks, where the embedded PostgreSQL library would otherwise stop the database while the apps are
	 * still shutting down.
	 */
	private static void stopOnSignals(LocalPlatform platform, AtomicBoolean stopping) {
		for (String name : new String[] { "INT", "TERM" }) {
			int exitCode = name.equals("INT") ? 130 : 143;
			try {
				Signal.handle(new Signal(name), signal -> {
					if (stopping.compareAndSet(false, true)) {
						platform.close();
						System.exit(exitCode);
					}
				});
			}
			catch (IllegalArgumentException ex) {
				// the JVM keeps this signal (e.g. -Xrs): the platform's shutdown hook still stops everything
				log.debug("Cannot handle SIG{}: {}", name, ex.getMessage());
			}
		}
	}

	private static void printCredentials(LocalPlatform platform) {
		LocalCredentials credentials = platform.credentials();
		System.out.println(CredentialsFile.toJson(credentials));
		TenantCredentials first = credentials.tenants().get(0);
		var admin = first.client("TENANT_ADMIN");
		StringBuilder text = new StringBuilder();
		text.append(String.format("%nGrassroots is running. Gateway %s, issuer %s.%n", credentials.gateway(),
				credentials.issuer()));
		text.append(String.format("Credentials above, also in %s%n%nTry it:%n",
				platform.dataDirectory().resolve("local-credentials.json")));
		text.append(String.format(
				"  TOKEN=$(curl -s -u %s:%s -d grant_type=client_credentials %s/oauth2/token | jq -r .access_token)%n",
				admin.clientId(), admin.clientSecret(), credentials.issuer()));
		text.append(String.format("  curl -H \"Authorization: Bearer $TOKEN\" %s/api/v1/volunteers%n",
				credentials.gateway()));
		if (first.apiKey() != null) {
			text.append(String.format("  curl -H \"X-API-Key: %s\" %s/api/v1/volunteers%n", first.apiKey(),
					credentials.gateway()));
		}
		text.append(String.format("%nLogs in %s. Ctrl-C stops everything.%n", platform.dataDirectory()
			.resolve("logs")));
		System.out.print(text);
	}

	private static void awaitShutdown() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
