package org.grassroots.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is: the surefire property, else the first parent of the working directory with k8s/. */
final class Repository {

	private Repository() {
	}

	static Path root() {
		String configured = System.getProperty("grassroots.repository.root");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("k8s/base"))) {
				return dir;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("cannot find the repository root (a directory with k8s/base)");
	}

	static Path k8s() {
		return root().resolve("k8s");
	}

	/** Fixture applications with the documented configuration contract, for the validator's own tests. */
	static Path fixtureApps() {
		return k8s().resolve("src/test/kustomize/apps");
	}
}
