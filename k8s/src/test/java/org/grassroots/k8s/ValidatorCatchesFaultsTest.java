package org.grassroots.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds the validator deliberately broken renderings, each one fault (src/test/kustomize/faults/NAME) on top of
 * src/test/kustomize/with-feign-clients (the local overlay with the services' Feign client URLs set), and
 * requires the fault to be reported. The applications are the fixtures in src/test/kustomize/apps (the
 * configuration contract of docs/architecture.md, Feign clients included), so these tests do not depend on the
 * state of the real modules; the unbroken baseline must pass cleanly against the same fixtures.
 */
class ValidatorCatchesFaultsTest {

	private static final ConfigCatalog FIXTURE_APPS = new ConfigCatalog(fixtureRoot());

	private static List<String> baseline;

	private static Path fixtureRoot() {
		return Repository.fixtureApps();
	}

	@BeforeAll
	static void renderBaseline() {
		baseline = validate(Repository.k8s().resolve("src/test/kustomize/with-feign-clients"));
	}

	@Test
	void theUnbrokenBaselinePasses() {
		assertThat(baseline).as("with-feign-clients against the fixture applications").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			missing-readiness-probe   | [probes] Deployment/member-service: container app has no readinessProbe
			missing-pdb               | [pdb] Deployment/grid-service: no PodDisruptionBudget selects its pods
			missing-hpa               | [hpa] Deployment/volunteer-service: no HorizontalPodAutoscaler targets it
			latest-tag                | [image] Deployment/center-service: container app image grassroots/center-service:latest uses the tag latest
			untagged-image            | [image] StatefulSet/redis: container redis image redis has no tag
			uncovered-service         | [netpol-coverage] Service/volunteer-service: no NetworkPolicy admits traffic to port 8080
			url-to-missing-service    | [service-url] Deployment/grid-service: ConfigMap grid-service-config-
			url-to-missing-service    | at http://member:8080, but there is no Service member
			url-to-wrong-port         | points grassroots.clients.center.url at port 8081 of Service center-service, which exposes [8080]
			unknown-config-key        | [config-key] Deployment/grid-service: ConfigMap grid-service-config-
			unknown-config-key        | sets grassroots.clients.membr.url, which grid-service does not read
			old-gateway-routes-prefix | sets spring.cloud.gateway.routes[0].id, which gateway does not read
			localhost-url             | [config-localhost] Deployment/project-service: ConfigMap project-service-config-
			localhost-url             | points grassroots.clients.member.url at localhost
			secret-in-configmap       | holds the secret spring.datasource.password in clear text
			secret-in-configmap       | spring.datasource.password is set in ConfigMap center-service-config-
			missing-egress            | [netpol-egress] Deployment/grid-service: no NetworkPolicy lets Deployment/grid-service reach Deployment/member-service port 8080
			ingress-to-service        | [netpol-ingress] Deployment/center-service: reachable from the ingress controller on port 8080
			runs-as-root              | [security] Deployment/gateway: container app does not set runAsNonRoot: true
			runs-as-root              | [security] Deployment/gateway: container app runs as user 0
			writable-root             | [security] Deployment/volunteer-service: container app has no readOnlyRootFilesystem: true
			capabilities-kept         | [security] Deployment/project-service: container app does not drop ALL capabilities
			missing-limits            | [resources] Deployment/center-service: container app has no memory limit
			misspelt-field            | [schema] Deployment/grid-service: unknown field spec.template.spec.containers[0].readinesProbe
			wrong-api-version         | [api] HorizontalPodAutoscaler/legacy: apiVersion autoscaling/v2beta2
			short-grace-period        | [app] Deployment/member-service: terminationGracePeriodSeconds 15 is shorter than preStop
			service-links             | [app] Deployment/grid-service: enableServiceLinks is not false
			unread-config-file        | [config-mount] Deployment/gateway: ConfigMap gateway-config-
			unread-config-file        | has environment.yml, which SPRING_CONFIG_ADDITIONAL_LOCATION does not name
			feign-client-not-configured | [config-localhost] Deployment/grid-service: grassroots.clients.member.url keeps its default
			""")
	void reportsTheFault(String fault, String expected) {
		Path dir = Repository.k8s().resolve("src/test/kustomize/faults").resolve(fault);
		assertThat(dir.resolve("kustomization.yaml")).exists();
		List<String> violations = validate(dir);
		List<String> introduced = new ArrayList<>(violations);
		introduced.removeAll(baseline);
		assertThat(introduced).as("violations introduced by fault %s:%n  %s", fault, String.join("\n  ", introduced))
			.anySatisfy(v -> assertThat(v).contains(expected.strip()));
	}

	@Test
	void everyFaultFixtureIsExercised() throws Exception {
		String source = Files.readString(Repository.k8s()
			.resolve("src/test/java/org/grassroots/k8s/ValidatorCatchesFaultsTest.java"));
		try (var dirs = Files.list(Repository.k8s().resolve("src/test/kustomize/faults"))) {
			dirs.forEach(d -> assertThat(source).as("fault %s has an expectation", d.getFileName())
				.contains(d.getFileName() + " "));
		}
	}

	private static List<String> validate(Path dir) {
		List<HasMetadata> objects = RenderedManifestsTest.render(dir);
		return ManifestValidator.validate(objects, FIXTURE_APPS, ManifestValidator.Scope.FULL);
	}
}
