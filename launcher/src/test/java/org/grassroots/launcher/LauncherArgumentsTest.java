package org.grassroots.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.grassroots.launcher.apps.PlatformApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LauncherArgumentsTest {

	@Test
	void defaultsAreTheWellKnownPorts() {
		LocalPlatformOptions options = LauncherArguments.parse(new String[0], Map.of());

		assertThat(options.issuerPort()).isEqualTo(9000);
		assertThat(options.appPort(PlatformApp.GATEWAY)).isEqualTo(8080);
		assertThat(options.appPort(PlatformApp.GRID)).isEqualTo(8085);
		assertThat(options.postgresPort()).isEqualTo(15432);
		assertThat(options.redisPort()).isEqualTo(16379);
		assertThat(options.dataDirectory()).isEqualTo(Path.of(".grassroots").toAbsolutePath());
		assertThat(options.seedDemoData()).isTrue();
		assertThat(options.freshData()).isFalse();
	}

	@Test
	void commandLineOverridesEnvironmentOverridesDefaults() {
		LocalPlatformOptions options = LauncherArguments.parse(
				new String[] { "--gateway-port=18080", "--issuer-port", "19000", "--no-seed", "--jvm-options",
						"-Xmx512m -Dx=y", "--readiness-timeout", "30" },
				Map.of("GRASSROOTS_LOCAL_GATEWAY_PORT", "28080", "GRASSROOTS_LOCAL_VOLUNTEER_PORT", "28083",
						"GRASSROOTS_LOCAL_DATA_DIR", "/tmp/gr"));

		assertThat(options.appPort(PlatformApp.GATEWAY)).isEqualTo(18080);
		assertThat(options.issuerPort()).isEqualTo(19000);
		assertThat(options.appPort(PlatformApp.VOLUNTEER)).isEqualTo(28083);
		assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/gr"));
		assertThat(options.seedDemoData()).isFalse();
		assertThat(options.jvmOptions()).containsExactly("-Xmx512m", "-Dx=y");
		assertThat(options.readinessTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void unknownOptionsAndBadPortsAreRefused() {
		assertThatThrownBy(() -> LauncherArguments.parse(new String[] { "--gatway-port=1" }, Map.of()))
			.hasMessageContaining("--gatway-port");
		assertThatThrownBy(() -> LauncherArguments.parse(new String[] { "--redis-port=70000" }, Map.of()))
			.hasMessageContaining("Not a port");
	}

	@Test
	void helpReturnsNoOptions() {
		assertThat(LauncherArguments.parse(new String[] { "--help" }, Map.of())).isNull();
	}

}
