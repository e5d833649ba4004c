package org.grassroots.launcher.datadir;

import java.nio.file.Files;
import java.nio.file.Path;

import org.grassroots.launcher.LauncherException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

	@TempDir
	Path root;

	@Test
	void aCompletedStartIsReused() throws Exception {
		try (DataDirectory directory = DataDirectory.open(root, false)) {
			Files.createDirectories(directory.postgres());
			Files.writeString(directory.credentialsFile(), "{}");
			directory.markInitialised();
		}
		try (DataDirectory again = DataDirectory.open(root, false)) {
			assertThat(again.isInitialised()).isTrue();
			assertThat(again.postgres()).exists();
			assertThat(again.credentialsFile()).exists();
		}
	}

	@Test
	void aHalfInitialisedDirectoryIsRecreatedKeepingLogs() throws Exception {
		try (DataDirectory directory = DataDirectory.open(root, false)) {
			Files.createDirectories(directory.postgres());
			Files.createDirectories(directory.logs());
			Files.writeString(directory.logs().resolve("gateway.log"), "why it failed");
			// no markInitialised: the first start was interrupted
		}
		try (DataDirectory again = DataDirectory.open(root, false)) {
			assertThat(again.isInitialised()).isFalse();
			assertThat(again.postgres()).doesNotExist();
			assertThat(again.logs().resolve("gateway.log")).hasContent("why it failed");
		}
	}

	@Test
	void anIncompatibleFormatIsRecreated() throws Exception {
		try (DataDirectory directory = DataDirectory.open(root, false)) {
			Files.createDirectories(directory.secrets());
			directory.markInitialised();
		}
		Files.writeString(root.resolve("state.properties"), "format=0\ninitialised=true\n");
		try (DataDirectory again = DataDirectory.open(root, false)) {
			assertThat(again.secrets()).doesNotExist();
		}
	}

	@Test
	void freshWipesEvenACompletedDirectory() throws Exception {
		try (DataDirectory directory = DataDirectory.open(root, false)) {
			Files.createDirectories(directory.postgres());
			directory.markInitialised();
		}
		try (DataDirectory again = DataDirectory.open(root, true)) {
			assertThat(again.isInitialised()).isFalse();
			assertThat(again.postgres()).doesNotExist();
		}
	}

	@Test
	void aSecondLauncherOnTheSameDirectoryIsRefused() {
		try (DataDirectory first = DataDirectory.open(root, false)) {
			assertThatThrownBy(() -> DataDirectory.open(root, false)).isInstanceOf(LauncherException.class)
				.hasMessageContaining("Another launcher");
		}
	}

}
