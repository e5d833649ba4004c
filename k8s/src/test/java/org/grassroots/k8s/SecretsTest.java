package org.grassroots.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets side: GenerateSecrets writes usable values (a JWK set the gateway can sign with, rotation that keeps
 * old keys verifying), k8s/secrets renders from them, and it provides every Secret and key the overlays use,
 * except the ones operators bring themselves (object-store credentials, the TLS certificate).
 */
class SecretsTest {

	/** Secrets that come from elsewhere; docs/operations.md says how to create them. */
	static final Set<String> PROVIDED_BY_OPERATORS = Set.of("grassroots-backup-s3", "grassroots-tls");

	@Test
	void generatesUsableValuesAndNeverOverwrites(@TempDir Path dir) throws Exception {
		List<String> written = GenerateSecrets.init(dir);
		assertThat(written).contains(GenerateSecrets.SIGNING_KEYS, GenerateSecrets.PEPPER, GenerateSecrets.REDIS_PASSWORD,
				"center-db-app.password", "center-db-owner.password", "gateway-db-app.password");
		assertThat(Files.readString(dir.resolve("center-db-app.password"))).matches("[A-Za-z0-9]{32}");
		assertThat(Files.readString(dir.resolve("center-db-app.password")))
			.isNotEqualTo(Files.readString(dir.resolve("center-db-owner.password")));
		assertThat(Base64.getUrlDecoder().decode(Files.readString(dir.resolve(GenerateSecrets.PEPPER)))).hasSize(32);

		JWKSet set = JWKSet.parse(Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS)));
		assertThat(set.getKeys()).hasSize(1);
		RSAKey key = set.getKeys().get(0).toRSAKey();
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getKeyID()).isNotBlank();
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(((RSAPrivateKey) key.toPrivateKey()).getModulus().bitLength()).isEqualTo(2048);
		assertThat(verifies(key, sign(key))).isTrue();

		// Personal-data keys as service-defaults' PersonalDataCipher requires them.
		Map<String, String> privacy = new LinkedHashMap<>();
		for (String line : Files.readAllLines(dir.resolve("grid-privacy.env"))) {
			privacy.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
		}
		String kid = privacy.get("grassroots.privacy.active-key");
		assertThat(kid).matches("[A-Za-z0-9_-]{1,32}");
		assertThat(Base64.getDecoder().decode(privacy.get("grassroots.privacy.encryption-keys." + kid))).hasSize(32);
		assertThat(Base64.getDecoder().decode(privacy.get("grassroots.privacy.blind-index-key"))).hasSize(32);

		String before = Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS));
		assertThat(GenerateSecrets.init(dir)).isEmpty();
		assertThat(Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS))).isEqualTo(before);
	}

	@Test
	void rotationPublishesThenSignsThenRetires(@TempDir Path dir) throws Exception {
		GenerateSecrets.init(dir);
		RSAKey old = JWKSet.parse(Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS))).getKeys().get(0).toRSAKey();
		String tokenFromOldKey = sign(old);

		// 1. published, not signing: the old key stays first
		String newKid = GenerateSecrets.addSigningKey(dir);
		JWKSet published = JWKSet.parse(Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS)));
		assertThat(published.getKeys()).extracting(k -> k.getKeyID()).containsExactly(old.getKeyID(), newKid);

		// 2. signing with the new key; the old one still verifies what it signed
		assertThat(GenerateSecrets.promoteSigningKey(dir)).isEqualTo(newKid);
		JWKSet both = JWKSet.parse(Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS)));
		assertThat(both.getKeys()).extracting(k -> k.getKeyID()).containsExactly(newKid, old.getKeyID());
		assertThat(verifies(both.getKeyByKeyId(old.getKeyID()).toRSAKey(), tokenFromOldKey)).isTrue();
		assertThat(both.getKeys()).allMatch(k -> k.isPrivate());

		// 3. after the token lifetime: only the new key
		assertThat(GenerateSecrets.retireSigningKeys(dir)).isEqualTo(newKid);
		JWKSet after = JWKSet.parse(Files.readString(dir.resolve(GenerateSecrets.SIGNING_KEYS)));
		assertThat(after.getKeys()).extracting(k -> k.getKeyID()).containsExactly(newKid);
		assertThat(after.getKeys().get(0).isPrivate()).isTrue();
	}

	@Test
	void pepperRotationKeepsTheOldPepperForVerification(@TempDir Path dir) throws Exception {
		GenerateSecrets.init(dir);
		assertThat(Files.readString(dir.resolve(GenerateSecrets.PREVIOUS_PEPPERS))).isEmpty();
		String first = Files.readString(dir.resolve(GenerateSecrets.PEPPER));
		GenerateSecrets.rotatePepper(dir);
		String second = Files.readString(dir.resolve(GenerateSecrets.PEPPER));
		assertThat(second).isNotEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
		assertThat(Files.readString(dir.resolve(GenerateSecrets.PREVIOUS_PEPPERS))).isEqualTo(first);
		GenerateSecrets.rotatePepper(dir);
		assertThat(Files.readString(dir.resolve(GenerateSecrets.PREVIOUS_PEPPERS))).isEqualTo(second + "," + first);
		GenerateSecrets.main(new String[] { "retire-peppers", dir.toString() });
		assertThat(Files.readString(dir.resolve(GenerateSecrets.PREVIOUS_PEPPERS))).isEmpty();
	}

	@Test
	void theSecretsKustomizationProvidesEverySecretTheOverlaysUse(@TempDir Path dir) throws Exception {
		Path secrets = dir.resolve("secrets");
		copy(Repository.k8s().resolve("secrets"), secrets);
		assertThat(secrets.resolve("values")).doesNotExist();
		GenerateSecrets.init(secrets.resolve("values"));
		Map<String, Set<String>> provided = new LinkedHashMap<>();
		for (HasMetadata o : RenderedManifestsTest.render(secrets)) {
			assertThat(o).isInstanceOf(Secret.class);
			assertThat(o.getMetadata().getNamespace()).isEqualTo(ManifestValidator.NAMESPACE);
			provided.put(o.getMetadata().getName(), new TreeSet<>(((Secret) o).getData().keySet()));
		}
		for (String overlay : RenderedManifestsTest.overlays().toList()) {
			Map<String, Set<String>> used = secretReferences(
					RenderedManifestsTest.render(Repository.k8s().resolve("overlays").resolve(overlay)));
			used.forEach((name, keys) -> {
				if (PROVIDED_BY_OPERATORS.contains(name)) {
					return;
				}
				assertThat(provided).as("overlays/%s uses Secret %s", overlay, name).containsKey(name);
				assertThat(provided.get(name)).as("overlays/%s uses keys %s of Secret %s", overlay, keys, name)
					.containsAll(keys);
			});
		}
	}

	/** Secrets projected whole into the config tree: every key must be a property the application reads. */
	@Test
	void wholeProjectedSecretsHoldOnlyPropertiesTheAppsRead(@TempDir Path dir) throws Exception {
		Path secrets = dir.resolve("secrets");
		copy(Repository.k8s().resolve("secrets"), secrets);
		GenerateSecrets.init(secrets.resolve("values"));
		GenerateSecrets.rotatePrivacyKeys(secrets.resolve("values"));
		Map<String, Set<String>> provided = new LinkedHashMap<>();
		for (HasMetadata o : RenderedManifestsTest.render(secrets)) {
			provided.put(o.getMetadata().getName(), new TreeSet<>(((Secret) o).getData().keySet()));
		}
		assertThat(provided.get("grid-privacy")).hasSize(4);
		ConfigCatalog catalog = new ConfigCatalog(Repository.root());
		int checked = 0;
		for (HasMetadata o : RenderedManifestsTest.render(Repository.k8s().resolve("overlays/production"))) {
			if (!(o instanceof Deployment d)) {
				continue;
			}
			String app = d.getMetadata().getName();
			for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
				if (v.getProjected() == null) {
					continue;
				}
				for (var source : v.getProjected().getSources()) {
					if (source.getSecret() == null || source.getSecret().getItems() != null
							&& !source.getSecret().getItems().isEmpty()) {
						continue;
					}
					Set<String> keys = provided.get(source.getSecret().getName());
					assertThat(keys).as("Secret %s projected whole into %s", source.getSecret().getName(), app).isNotNull();
					for (String key : keys) {
						assertThat(catalog.forApp(app).knows(key))
							.as("%s reads %s (from Secret %s)", app, key, source.getSecret().getName()).isTrue();
						checked++;
					}
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(15);
	}

	@Test
	void everyValueFileHasAnExampleAndTheValuesAreIgnoredByGit() throws IOException {
		Path secrets = Repository.k8s().resolve("secrets");
		String kustomization = Files.readString(secrets.resolve("kustomization.yaml"));
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("values/([^\\s]+)").matcher(kustomization);
		Set<String> files = new LinkedHashSet<>();
		while (m.find()) {
			files.add(m.group(1));
		}
		assertThat(files).hasSizeGreaterThan(10);
		for (String f : files) {
			assertThat(secrets.resolve("values.example").resolve(f)).as("example for " + f).exists();
		}
		assertThat(Files.readAllLines(secrets.resolve(".gitignore"))).contains("values/");
	}

	/** Secret name to the keys used, from pod volumes, env and CloudNativePG objects. */
	static Map<String, Set<String>> secretReferences(List<HasMetadata> objects) {
		Map<String, Set<String>> used = new LinkedHashMap<>();
		for (HasMetadata o : objects) {
			PodSpec spec = o instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
					: o instanceof StatefulSet s ? s.getSpec().getTemplate().getSpec() : null;
			if (spec != null) {
				for (Volume v : spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
					if (v.getSecret() != null) {
						Set<String> keys = used.computeIfAbsent(v.getSecret().getSecretName(), k -> new TreeSet<>());
						if (v.getSecret().getItems() != null) {
							v.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
						}
					}
					if (v.getProjected() != null) {
						// Optional sources (the previous API-key peppers) exist only during a rotation.
						v.getProjected().getSources().stream()
							.filter(s -> s.getSecret() != null && !Boolean.TRUE.equals(s.getSecret().getOptional()))
							.forEach(s -> {
							Set<String> keys = used.computeIfAbsent(s.getSecret().getName(), k -> new TreeSet<>());
							if (s.getSecret().getItems() != null) {
								s.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
							}
						});
					}
				}
				for (Container c : spec.getContainers()) {
					for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
						if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
							used.computeIfAbsent(e.getValueFrom().getSecretKeyRef().getName(), k -> new TreeSet<>())
								.add(e.getValueFrom().getSecretKeyRef().getKey());
						}
					}
				}
			}
			if (o instanceof GenericKubernetesResource g && "Cluster".equals(g.getKind())) {
				Object roles = g.get("spec", "managed", "roles");
				if (roles instanceof List<?> list) {
					for (Object role : list) {
						if (role instanceof Map<?, ?> r && r.get("passwordSecret") instanceof Map<?, ?> ps) {
							used.computeIfAbsent(String.valueOf(ps.get("name")), k -> new TreeSet<>())
								.addAll(List.of("username", "password"));
						}
					}
				}
			}
			if (o instanceof GenericKubernetesResource g && "ObjectStore".equals(g.getKind())) {
				Object name = g.get("spec", "configuration", "s3Credentials", "accessKeyId", "name");
				used.computeIfAbsent(String.valueOf(name), k -> new TreeSet<>());
			}
			if (o instanceof io.fabric8.kubernetes.api.model.networking.v1.Ingress i && i.getSpec().getTls() != null) {
				i.getSpec().getTls().forEach(t -> used.computeIfAbsent(t.getSecretName(), k -> new TreeSet<>()));
			}
		}
		return used;
	}

	private static String sign(RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer("grassroots-gateway").subject("test").build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private static boolean verifies(RSAKey key, String token) throws Exception {
		return SignedJWT.parse(token).verify(new RSASSAVerifier(key.toPublicJWK()));
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path p : files.toList()) {
				Path target = to.resolve(from.relativize(p).toString());
				if (p.startsWith(from.resolve("values"))) {
					continue;
				}
				if (Files.isDirectory(p)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(p, target);
				}
			}
		}
	}
}
