package org.grassroots.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the base and every overlay with {@code kubectl kustomize} and holds the result to every rule of
 * {@link ManifestValidator}, with the configuration keys the applications in this repository actually read.
 */
class RenderedManifestsTest {

	static Stream<String> overlays() throws IOException {
		try (Stream<Path> dirs = Files.list(Repository.k8s().resolve("overlays"))) {
			List<String> names = dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
				.map(d -> d.getFileName().toString())
				.sorted()
				.toList();
			assertThat(names).as("overlays").contains("local", "production");
			return names.stream();
		}
	}

	@ParameterizedTest(name = "overlays/{0}")
	@MethodSource("overlays")
	void overlayRendersAndPassesEveryRule(String overlay) {
		List<HasMetadata> objects = render(Repository.k8s().resolve("overlays").resolve(overlay));
		List<String> violations = ManifestValidator.validate(objects, new ConfigCatalog(Repository.root()),
				ManifestValidator.Scope.FULL);
		assertThat(violations).as(report("overlays/" + overlay, violations)).isEmpty();
	}

	@Test
	void baseRendersAndPassesTheWorkloadRules() {
		List<HasMetadata> objects = render(Repository.k8s().resolve("base"));
		List<String> violations = ManifestValidator.validate(objects, new ConfigCatalog(Repository.root()),
				ManifestValidator.Scope.BASE);
		assertThat(violations).as(report("base", violations)).isEmpty();
	}

	/** A component no overlay uses would never be rendered, so never checked. */
	@Test
	void everyComponentIsUsedBySomeOverlay() throws IOException {
		List<String> used = new ArrayList<>();
		for (String overlay : overlays().toList()) {
			String kustomization = Files.readString(Repository.k8s().resolve("overlays/" + overlay + "/kustomization.yaml"));
			used.add(kustomization);
		}
		try (Stream<Path> components = Files.list(Repository.k8s().resolve("components"))) {
			for (Path c : components.filter(Files::isDirectory).toList()) {
				String ref = "../../components/" + c.getFileName();
				assertThat(used.stream().anyMatch(k -> k.contains(ref + "\n") || k.contains(ref + "\r")))
					.as("component %s is used by an overlay", c.getFileName())
					.isTrue();
			}
		}
	}

	static List<HasMetadata> render(Path dir) {
		return Manifests.parse(Kubectl.get().kustomize(dir));
	}

	private static String report(String what, List<String> violations) {
		return what + " breaks " + violations.size() + " rule(s):\n  " + String.join("\n  ", violations) + "\n";
	}
}
