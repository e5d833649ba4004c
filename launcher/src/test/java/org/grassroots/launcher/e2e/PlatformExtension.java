package org.grassroots.launcher.e2e;

import java.nio.file.Path;

import org.grassroots.launcher.LocalPlatform;
import org.grassroots.launcher.LocalPlatformOptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Boots the local platform once for the whole suite (kept in the root store, closed when the suite ends) and
 * hands it to test classes as a {@link LocalPlatform} or {@link Gateway} parameter.
 */
public final class PlatformExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PlatformExtension.class);

	/** Under target/, wiped on every run: nothing of a previous run can leak into this one. */
	static final Path DATA_DIRECTORY = Path.of("target", "e2e-platform");

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == LocalPlatform.class || type == Gateway.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		LocalPlatform platform = platform(context);
		return parameter.getParameter().getType() == Gateway.class ? new Gateway(platform.gatewayUrl()) : platform;
	}

	static LocalPlatform platform(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, key -> Running.start(), Running.class)
			.platform();
	}

	/**
	 * The platform, or why it did not start: a failed start is reported to every test class at once rather than
	 * retried (and waited for) by each. Closed by JUnit with the root store, after the last test of the suite.
	 */
	record Running(LocalPlatform started, RuntimeException failure) implements AutoCloseable {

		static Running start() {
			try {
				return new Running(LocalPlatform.start(LocalPlatformOptions.forTests(DATA_DIRECTORY)), null);
			}
			catch (RuntimeException ex) {
				return new Running(null, ex);
			}
		}

		LocalPlatform platform() {
			if (failure != null) {
				throw new IllegalStateException("The local platform did not start (logs in "
						+ DATA_DIRECTORY.resolve("logs").toAbsolutePath() + ")", failure);
			}
			return started;
		}

		@Override
		public void close() {
			if (started != null) {
				started.close();
			}
		}

	}

}
