package org.grassroots.k8s;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The rules every rendering of k8s/ must satisfy. Each violation is one line, "[rule] Kind/name: what is wrong".
 *
 * <ul>
 * <li>[api] only known apiVersion/kind pairs; [schema] no field fabric8's model does not know (a misspelt or
 * misplaced field is otherwise silently dropped by the API server); [namespace] everything in the grassroots
 * namespace.</li>
 * <li>[probes] [resources] [security] [image] every container of every workload: startup, liveness and readiness
 * probes; CPU and memory requests and limits; non-root, read-only root file system, no privilege escalation,
 * ALL capabilities dropped; an image with a tag (not latest) or a digest.</li>
 * <li>[app] the gateway and services: probes on the actuator liveness/readiness groups, a writable /tmp, own
 * ServiceAccount without token, no service links, preStop sleep and a grace period covering it plus Spring's
 * 20 s shutdown phase, topology spread; [hpa] [pdb] per Deployment an autoscaling/v2 HPA and a policy/v1 PDB
 * targeting it.</li>
 * <li>[service] [ingress] Services select pods and name their ports; Ingress backends exist.</li>
 * <li>[config-*] per app, the ConfigMap files Spring reads (SPRING_CONFIG_ADDITIONAL_LOCATION), the secret files
 * of its config tree and its environment: only keys the application reads ({@link ConfigCatalog}); no secret
 * values in ConfigMaps; no key set both in a ConfigMap and a secret (the ConfigMap would win); every key whose
 * default points at localhost overridden; [service-url] every URL pointing into the cluster names an existing
 * Service on a port it exposes.</li>
 * <li>[netpol-*] (full renderings) default deny; every Service's pods admitted on its ports by some policy;
 * every configured URL allowed by egress at the caller and ingress at the callee; only Ingress backends
 * reachable from the ingress controller.</li>
 * </ul>
 */
final class ManifestValidator {

	/** FULL for overlays; BASE for the base alone (no datastores, no network policies yet). */
	enum Scope {
		FULL, BASE
	}

	static final String NAMESPACE = "grassroots";

	static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";

	static final String CONFIG_TREE = "/run/secrets/grassroots";

	/** Spring's spring.lifecycle.timeout-per-shutdown-phase in the applications. */
	static final int SHUTDOWN_PHASE_SECONDS = 20;

	static final Set<String> ALLOWED_KINDS = Set.of("v1 Namespace", "v1 Service", "v1 ServiceAccount",
			"v1 ConfigMap", "v1 Secret", "v1 PersistentVolumeClaim", "apps/v1 Deployment", "apps/v1 StatefulSet",
			"autoscaling/v2 HorizontalPodAutoscaler", "policy/v1 PodDisruptionBudget",
			"networking.k8s.io/v1 NetworkPolicy", "networking.k8s.io/v1 Ingress",
			"monitoring.coreos.com/v1 ServiceMonitor", "monitoring.coreos.com/v1 PodMonitor",
			"monitoring.coreos.com/v1 PrometheusRule", "postgresql.cnpg.io/v1 Cluster",
			"postgresql.cnpg.io/v1 Database", "postgresql.cnpg.io/v1 ScheduledBackup",
			"postgresql.cnpg.io/v1 Pooler", "barmancloud.cnpg.io/v1 ObjectStore");

	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

	private static final Set<String> APP_COMPONENTS = Set.of("gateway", "service");

	private static final Pattern SECRET_KEY = Pattern
		.compile("(?i).*(password|secret|pepper|signing-?keys|private-?key|credentials|api-?key)$");

	private static final Pattern LOCALHOST = Pattern.compile("(?i)(^|[/@:.])(localhost|127\\.0\\.0\\.1|\\[::1])([:/]|$)");

	private final List<HasMetadata> objects;

	private final ConfigCatalog catalog;

	private final Scope scope;

	private final List<String> violations = new ArrayList<>();

	private ManifestValidator(List<HasMetadata> objects, ConfigCatalog catalog, Scope scope) {
		this.objects = objects;
		this.catalog = catalog;
		this.scope = scope;
	}

	static List<String> validate(List<HasMetadata> objects, ConfigCatalog catalog, Scope scope) {
		ManifestValidator v = new ManifestValidator(objects, catalog, scope);
		v.run();
		return List.copyOf(new LinkedHashSet<>(v.violations));
	}

	private void run() {
		objects.forEach(this::checkKindAndSchema);
		objects.forEach(this::checkNamespace);
		for (Workload w : workloads()) {
			checkContainers(w);
			if (w.isApp()) {
				checkApp(w);
				checkConfiguration(w);
			}
		}
		of(Deployment.class).forEach(this::checkAutoscalingAndDisruption);
		of(Service.class).forEach(this::checkService);
		of(Ingress.class).forEach(this::checkIngress);
		if (scope == Scope.FULL) {
			checkNetworkPolicies();
		}
	}

	// ---- api, schema, namespace ------------------------------------------------------------------------------

	private void checkKindAndSchema(HasMetadata o) {
		if (!ALLOWED_KINDS.contains(o.getApiVersion() + " " + o.getKind())) {
			fail("api", o, "apiVersion " + o.getApiVersion() + " kind " + o.getKind()
					+ " is not one the platform targets (allowed: " + ALLOWED_KINDS + ")");
		}
		if (!(o instanceof GenericKubernetesResource)) {
			unknownFields(o, "", o);
		}
	}

	private void unknownFields(Object value, String path, HasMetadata owner) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Quantity || value instanceof IntOrString || value instanceof Enum<?>) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> unknownFields(v, path + "." + k, owner));
			return;
		}
		if (value instanceof Collection<?> list) {
			int i = 0;
			for (Object item : list) {
				unknownFields(item, path + "[" + i++ + "]", owner);
			}
			return;
		}
		Class<?> type = value.getClass();
		if (!type.getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method m : type.getMethods()) {
			if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())
					|| !m.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
				continue;
			}
			String name = m.getName();
			if (!name.startsWith("get") || name.equals("getClass")) {
				continue;
			}
			Object child;
			try {
				child = m.invoke(value);
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				continue;
			}
			if (name.equals("getAdditionalProperties")) {
				if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
					for (Object key : extra.keySet()) {
						fail("schema", owner, "unknown field " + (path.isEmpty() ? "" : path.substring(1) + ".") + key);
					}
				}
				continue;
			}
			String field = Character.toLowerCase(name.charAt(3)) + name.substring(4);
			unknownFields(child, path + "." + field, owner);
		}
	}

	private void checkNamespace(HasMetadata o) {
		if (CLUSTER_SCOPED.contains(o.getKind())) {
			return;
		}
		if (!NAMESPACE.equals(o.getMetadata().getNamespace())) {
			fail("namespace", o, "namespace is " + o.getMetadata().getNamespace() + ", not " + NAMESPACE);
		}
	}

	// ---- containers --------------------------------------------------------------------------------------------

	private void checkContainers(Workload w) {
		PodSpec spec = w.spec();
		PodSecurityContext pod = spec.getSecurityContext();
		for (Container c : spec.getContainers()) {
			String who = "container " + c.getName();
			if (c.getStartupProbe() == null) {
				fail("probes", w.source, who + " has no startupProbe");
			}
			if (c.getLivenessProbe() == null) {
				fail("probes", w.source, who + " has no livenessProbe");
			}
			if (c.getReadinessProbe() == null) {
				fail("probes", w.source, who + " has no readinessProbe");
			}
			var res = c.getResources();
			for (String resource : List.of("cpu", "memory")) {
				if (res == null || res.getRequests() == null || res.getRequests().get(resource) == null) {
					fail("resources", w.source, who + " has no " + resource + " request");
				}
				if (res == null || res.getLimits() == null || res.getLimits().get(resource) == null) {
					fail("resources", w.source, who + " has no " + resource + " limit");
				}
			}
			SecurityContext sc = c.getSecurityContext();
			Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
					: pod != null ? pod.getRunAsNonRoot() : null;
			Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser()
					: pod != null ? pod.getRunAsUser() : null;
			if (!Boolean.TRUE.equals(nonRoot)) {
				fail("security", w.source, who + " does not set runAsNonRoot: true");
			}
			if (user != null && user == 0L) {
				fail("security", w.source, who + " runs as user 0");
			}
			if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
				fail("security", w.source, who + " has no readOnlyRootFilesystem: true");
			}
			if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
				fail("security", w.source, who + " does not set allowPrivilegeEscalation: false");
			}
			if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
				fail("security", w.source, who + " is privileged");
			}
			if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
					|| !sc.getCapabilities().getDrop().contains("ALL")) {
				fail("security", w.source, who + " does not drop ALL capabilities");
			}
			if (sc != null && sc.getCapabilities() != null && sc.getCapabilities().getAdd() != null
					&& !sc.getCapabilities().getAdd().isEmpty()) {
				fail("security", w.source, who + " adds capabilities " + sc.getCapabilities().getAdd());
			}
			checkImage(w, c);
		}
	}

	private void checkImage(Workload w, Container c) {
		String image = c.getImage();
		if (image == null || image.isBlank()) {
			fail("image", w.source, "container " + c.getName() + " has no image");
			return;
		}
		if (image.contains("@sha256:")) {
			return;
		}
		String lastPart = image.substring(image.lastIndexOf('/') + 1);
		int colon = lastPart.indexOf(':');
		if (colon < 0) {
			fail("image", w.source, "container " + c.getName() + " image " + image + " has no tag (means latest)");
		}
		else if (lastPart.substring(colon + 1).equals("latest")) {
			fail("image", w.source, "container " + c.getName() + " image " + image + " uses the tag latest");
		}
	}

	// ---- the applications ------------------------------------------------------------------------------------

	private void checkApp(Workload w) {
		PodSpec spec = w.spec();
		Container c = w.appContainer();
		if (c == null) {
			fail("app", w.source, "has no containers");
			return;
		}
		checkActuatorProbe(w, c, "startupProbe", c.getStartupProbe(), "/actuator/health/liveness");
		checkActuatorProbe(w, c, "livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness");
		checkActuatorProbe(w, c, "readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness");
		boolean tmp = mounts(c).stream()
			.anyMatch(m -> "/tmp".equals(m.getMountPath()) && volume(spec, m.getName()).map(v -> v.getEmptyDir() != null).orElse(false));
		if (!tmp) {
			fail("app", w.source, "container " + c.getName() + " has no emptyDir at /tmp (the root file system is read-only)");
		}
		if (!Boolean.FALSE.equals(spec.getEnableServiceLinks())) {
			fail("app", w.source, "enableServiceLinks is not false (Spring would bind the {SERVICE}_PORT variables)");
		}
		if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
			fail("app", w.source, "automountServiceAccountToken is not false");
		}
		String sa = spec.getServiceAccountName();
		if (sa == null || sa.isBlank() || sa.equals("default")) {
			fail("app", w.source, "runs as the default ServiceAccount, not its own");
		}
		else {
			Optional<ServiceAccount> account = of(ServiceAccount.class).stream()
				.filter(a -> a.getMetadata().getName().equals(sa)).findFirst();
			if (account.isEmpty()) {
				fail("app", w.source, "ServiceAccount " + sa + " does not exist");
			}
			else if (!Boolean.FALSE.equals(account.get().getAutomountServiceAccountToken())) {
				fail("app", w.source, "ServiceAccount " + sa + " does not set automountServiceAccountToken: false");
			}
		}
		Integer preStop = preStopSleepSeconds(c);
		if (preStop == null) {
			fail("app", w.source, "container " + c.getName() + " has no preStop sleep (endpoints need time to drop the pod)");
		}
		long grace = spec.getTerminationGracePeriodSeconds() == null ? 30 : spec.getTerminationGracePeriodSeconds();
		int needed = (preStop == null ? 0 : preStop) + SHUTDOWN_PHASE_SECONDS;
		if (grace < needed) {
			fail("app", w.source, "terminationGracePeriodSeconds " + grace + " is shorter than preStop + the "
					+ SHUTDOWN_PHASE_SECONDS + " s shutdown phase (" + needed + " s)");
		}
		if (spec.getTopologySpreadConstraints() == null || spec.getTopologySpreadConstraints().isEmpty()) {
			fail("app", w.source, "has no topologySpreadConstraints");
		}
	}

	private void checkActuatorProbe(Workload w, Container c, String name, Probe probe, String path) {
		if (probe == null) {
			return;
		}
		if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
			fail("app", w.source, "container " + c.getName() + " " + name + " is not an HTTP GET of " + path);
			return;
		}
		if (containerPort(c, probe.getHttpGet().getPort()) == null) {
			fail("app", w.source, "container " + c.getName() + " " + name + " probes port "
					+ portText(probe.getHttpGet().getPort()) + ", which the container does not declare");
		}
	}

	private static Integer preStopSleepSeconds(Container c) {
		if (c.getLifecycle() == null || c.getLifecycle().getPreStop() == null) {
			return null;
		}
		var handler = c.getLifecycle().getPreStop();
		if (handler.getSleep() != null && handler.getSleep().getSeconds() != null) {
			return handler.getSleep().getSeconds().intValue();
		}
		if (handler.getExec() != null && handler.getExec().getCommand() != null) {
			List<String> cmd = handler.getExec().getCommand();
			String joined = String.join(" ", cmd);
			Matcher m = Pattern.compile("\\bsleep\\s+(\\d+)").matcher(joined);
			if (m.find()) {
				return Integer.parseInt(m.group(1));
			}
		}
		return null;
	}

	private void checkAutoscalingAndDisruption(Deployment d) {
		String name = d.getMetadata().getName();
		List<HorizontalPodAutoscaler> hpas = of(HorizontalPodAutoscaler.class).stream()
			.filter(h -> h.getSpec() != null && h.getSpec().getScaleTargetRef() != null
					&& "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
					&& name.equals(h.getSpec().getScaleTargetRef().getName()))
			.toList();
		if (hpas.isEmpty()) {
			fail("hpa", d, "no HorizontalPodAutoscaler targets it");
		}
		for (HorizontalPodAutoscaler h : hpas) {
			int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
			if (h.getSpec().getMaxReplicas() == null || h.getSpec().getMaxReplicas() < min) {
				fail("hpa", h, "maxReplicas is missing or below minReplicas " + min);
			}
			if (h.getSpec().getMetrics() == null || h.getSpec().getMetrics().isEmpty()) {
				fail("hpa", h, "has no metrics");
			}
		}
		Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
		boolean pdb = of(PodDisruptionBudget.class).stream()
			.anyMatch(p -> p.getSpec() != null && p.getSpec().getSelector() != null
					&& !isEmpty(p.getSpec().getSelector()) && matches(p.getSpec().getSelector(), labels));
		if (!pdb) {
			fail("pdb", d, "no PodDisruptionBudget selects its pods");
		}
	}

	// ---- services and ingress --------------------------------------------------------------------------------

	private void checkService(Service s) {
		if ("ExternalName".equals(s.getSpec().getType())) {
			if (s.getSpec().getExternalName() == null || s.getSpec().getExternalName().isBlank()) {
				fail("service", s, "ExternalName Service without externalName");
			}
			return;
		}
		Map<String, String> selector = s.getSpec().getSelector();
		if (selector == null || selector.isEmpty()) {
			fail("service", s, "has no selector");
			return;
		}
		List<Workload> pods = workloads().stream().filter(w -> w.labels().entrySet().containsAll(selector.entrySet())).toList();
		if (pods.isEmpty()) {
			fail("service", s, "selector " + selector + " matches no workload");
			return;
		}
		for (ServicePort port : s.getSpec().getPorts()) {
			for (Workload w : pods) {
				if (targetPort(w, port) == null) {
					fail("service", s, "port " + port.getPort() + " targets " + portText(port.getTargetPort())
							+ ", which " + w.id() + " does not declare");
				}
			}
		}
	}

	private void checkIngress(Ingress ingress) {
		if (ingress.getSpec().getRules() == null) {
			return;
		}
		for (IngressRule rule : ingress.getSpec().getRules()) {
			if (rule.getHttp() == null) {
				continue;
			}
			for (HTTPIngressPath path : rule.getHttp().getPaths()) {
				var backend = path.getBackend().getService();
				if (backend == null) {
					fail("ingress", ingress, "path " + path.getPath() + " has no service backend");
					continue;
				}
				Optional<Service> service = service(backend.getName());
				if (service.isEmpty()) {
					fail("ingress", ingress, "path " + path.getPath() + " routes to Service " + backend.getName()
							+ ", which does not exist");
				}
				else if (servicePort(service.get(), backend.getPort().getNumber(), backend.getPort().getName()) == null) {
					fail("ingress", ingress, "path " + path.getPath() + " routes to a port Service "
							+ backend.getName() + " does not expose");
				}
			}
		}
	}

	// ---- configuration ---------------------------------------------------------------------------------------

	/** One configuration entry of an application and where it came from. */
	private record Setting(String key, String value, String source) {
	}

	private void checkConfiguration(Workload w) {
		Container c = w.appContainer();
		ConfigCatalog.AppKeys keys = catalog.forApp(w.name());
		keys.problems.forEach(p -> fail("config-key", w.source, p));
		Map<String, Setting> effective = new LinkedHashMap<>();
		Set<String> placeholders = new LinkedHashSet<>();
		Map<String, Setting> fromFiles = new LinkedHashMap<>();
		Map<String, Setting> fromSecrets = new LinkedHashMap<>();

		// Secret files of the config tree: lowest precedence.
		for (Setting s : secretSettings(w, c)) {
			fromSecrets.put(ConfigCatalog.canonical(s.key()), s);
			effective.put(ConfigCatalog.canonical(s.key()), s);
		}
		// ConfigMap files named by SPRING_CONFIG_ADDITIONAL_LOCATION, later ones override earlier ones.
		for (Setting s : fileSettings(w, c)) {
			fromFiles.put(ConfigCatalog.canonical(s.key()), s);
			effective.put(ConfigCatalog.canonical(s.key()), s);
			placeholders.addAll(Yaml.placeholders(s.value()));
		}
		// Environment variables: highest precedence.
		List<EnvVar> env = c.getEnv() == null ? List.of() : c.getEnv();
		for (EnvVar e : env) {
			if (e.getValue() != null) {
				placeholders.addAll(Yaml.placeholders(e.getValue()));
			}
		}
		for (Setting s : fromFiles.values()) {
			if (!keys.knows(s.key())) {
				fail("config-key", w.source, s.source() + " sets " + s.key() + ", which " + w.name()
						+ " does not read (not in its application.yml, @ConfigurationProperties, or the standard keys)");
			}
			if (SECRET_KEY.matcher(s.key()).matches() && !s.value().isBlank()
					&& !s.value().strip().matches("\\$\\{[^}]+}")) {
				fail("config-secret", w.source, s.source() + " holds the secret " + s.key()
						+ " in clear text: mount it from a Secret into " + CONFIG_TREE);
			}
			Matcher userInfo = Pattern.compile("^[a-z][a-z0-9+.-]*://([^/@]*):([^/@]+)@").matcher(
					s.value().replaceFirst("^jdbc:", ""));
			if (userInfo.find() && !userInfo.group(2).matches("\\$\\{[^}]+}")) {
				fail("config-secret", w.source, s.source() + " puts a password into the URL of " + s.key()
						+ ": use a ${...} placeholder for a secret file");
			}
			Setting secret = fromSecrets.get(ConfigCatalog.canonical(s.key()));
			if (secret != null) {
				fail("config-secret", w.source, s.key() + " is set in " + s.source() + " and in " + secret.source()
						+ ": the ConfigMap wins, the secret is ignored");
			}
		}
		for (Setting s : fromSecrets.values()) {
			if (!keys.knows(s.key()) && !placeholders.contains(s.key())) {
				fail("config-key", w.source, s.source() + " provides " + s.key() + ", which " + w.name()
						+ " does not read and no placeholder uses");
			}
		}
		for (EnvVar e : env) {
			String name = e.getName();
			if (name.equals("SPRING_CONFIG_ADDITIONAL_LOCATION") || ConfigCatalog.JVM_ENVIRONMENT.contains(name)
					|| placeholders.contains(name) || keys.knowsEnv(name)) {
				if (e.getValue() != null && !name.startsWith("SPRING_CONFIG") && !ConfigCatalog.JVM_ENVIRONMENT.contains(name)) {
					effective.put(ConfigCatalog.envCanonical(name), new Setting(name, e.getValue(), "env " + name));
				}
				continue;
			}
			fail("config-key", w.source, "environment variable " + name + " binds to nothing " + w.name() + " reads");
		}
		// Every default that points at localhost must be overridden in the cluster.
		Set<String> envSet = new LinkedHashSet<>();
		env.forEach(e -> envSet.add(ConfigCatalog.envCanonical(e.getName())));
		keys.localhostDefaults().forEach((key, value) -> {
			String canonical = ConfigCatalog.canonical(key);
			boolean overridden = effective.containsKey(canonical)
					|| envSet.contains(canonical.replace(".", "").replace("[*]", ""));
			if (!overridden) {
				fail("config-localhost", w.source, key + " keeps its default " + value
						+ " (localhost): set it in the ConfigMap");
			}
		});
		for (Setting s : effective.values()) {
			if (LOCALHOST.matcher(Yaml.resolveDefaults(s.value())).find()) {
				fail("config-localhost", w.source, s.source() + " points " + s.key() + " at localhost: " + s.value());
			}
			checkUrl(w, s);
		}
	}

	private List<Setting> fileSettings(Workload w, Container c) {
		List<Setting> result = new ArrayList<>();
		String locations = env(c, "SPRING_CONFIG_ADDITIONAL_LOCATION");
		if (locations == null) {
			fail("config-mount", w.source, "no SPRING_CONFIG_ADDITIONAL_LOCATION: Spring would not read the ConfigMap");
			return result;
		}
		Set<String> readKeys = new LinkedHashSet<>();
		ConfigMap mounted = null;
		for (String raw : locations.split(",")) {
			String location = raw.trim();
			boolean optional = location.startsWith("optional:");
			location = location.replaceFirst("^optional:", "").replaceFirst("^file:", "");
			List<String> files = new ArrayList<>();
			String dir;
			if (location.endsWith("/")) {
				dir = location.substring(0, location.length() - 1);
				files.addAll(List.of("application.yml", "application.yaml", "application.properties"));
			}
			else {
				dir = location.substring(0, location.lastIndexOf('/'));
				files.add(location.substring(location.lastIndexOf('/') + 1));
			}
			Optional<ConfigMap> cm = mountedConfigMap(w, c, dir);
			if (cm.isEmpty()) {
				if (!optional) {
					fail("config-mount", w.source, "config location " + raw.trim() + " is no mounted ConfigMap");
				}
				continue;
			}
			mounted = cm.get();
			boolean any = false;
			for (String file : files) {
				String content = cm.get().getData() == null ? null : cm.get().getData().get(file);
				if (content == null) {
					continue;
				}
				any = true;
				readKeys.add(file);
				String source = "ConfigMap " + cm.get().getMetadata().getName() + " " + file;
				try {
					Map<String, Object> flat = file.endsWith(".properties") ? new LinkedHashMap<>() : Yaml.flatten(content);
					flat.forEach((k, v) -> {
						if (!(v instanceof Map) && !(v instanceof List)) {
							result.add(new Setting(k, String.valueOf(v), source));
						}
					});
				}
				catch (RuntimeException ex) {
					fail("config-mount", w.source, source + " is not valid YAML: " + ex.getMessage());
				}
			}
			if (!any && !optional) {
				fail("config-mount", w.source, "config location " + raw.trim() + " has no file in ConfigMap "
						+ cm.get().getMetadata().getName());
			}
		}
		if (mounted != null && mounted.getData() != null) {
			for (String key : mounted.getData().keySet()) {
				if (!readKeys.contains(key)) {
					fail("config-mount", w.source, "ConfigMap " + mounted.getMetadata().getName() + " has " + key
							+ ", which SPRING_CONFIG_ADDITIONAL_LOCATION does not name: Spring never reads it");
				}
			}
		}
		return result;
	}

	private Optional<ConfigMap> mountedConfigMap(Workload w, Container c, String dir) {
		for (VolumeMount m : mounts(c)) {
			if (!dir.equals(m.getMountPath())) {
				continue;
			}
			Optional<Volume> v = volume(w.spec(), m.getName());
			if (v.isPresent() && v.get().getConfigMap() != null) {
				String name = v.get().getConfigMap().getName();
				Optional<ConfigMap> cm = of(ConfigMap.class).stream().filter(x -> x.getMetadata().getName().equals(name)).findFirst();
				if (cm.isEmpty()) {
					fail("config-mount", w.source, "mounts ConfigMap " + name + ", which does not exist");
				}
				return cm;
			}
		}
		return Optional.empty();
	}

	private List<Setting> secretSettings(Workload w, Container c) {
		List<Setting> result = new ArrayList<>();
		boolean mounted = false;
		for (VolumeMount m : mounts(c)) {
			if (!CONFIG_TREE.equals(m.getMountPath()) && !(CONFIG_TREE + "/").equals(m.getMountPath())) {
				continue;
			}
			mounted = true;
			Optional<Volume> v = volume(w.spec(), m.getName());
			if (v.isEmpty()) {
				continue;
			}
			List<VolumeProjection> sources = new ArrayList<>();
			if (v.get().getProjected() != null) {
				sources.addAll(v.get().getProjected().getSources());
			}
			if (v.get().getSecret() != null) {
				var secret = v.get().getSecret();
				if (secret.getItems() == null || secret.getItems().isEmpty()) {
					fail("config-secret", w.source, "Secret " + secret.getSecretName()
							+ " is mounted whole at " + CONFIG_TREE + ": list its items so the property names are checked");
				}
				else {
					secret.getItems().forEach(i -> result.add(new Setting(i.getPath(), "<secret>",
							"Secret " + secret.getSecretName() + " key " + i.getKey())));
				}
			}
			for (VolumeProjection p : sources) {
				if (p.getSecret() == null) {
					continue;
				}
				if (p.getSecret().getItems() == null || p.getSecret().getItems().isEmpty()) {
					// Projected whole (its keys are property names that change, like key ids): the keys are not in
					// the manifests; SecretsTest checks those k8s/secrets provides against the application.
					continue;
				}
				p.getSecret().getItems().forEach(i -> result.add(new Setting(i.getPath(), "<secret>",
						"Secret " + p.getSecret().getName() + " key " + i.getKey())));
			}
		}
		if (!mounted) {
			fail("config-secret", w.source, "mounts nothing at " + CONFIG_TREE + " (spring.config.import: configtree)");
		}
		return result;
	}

	/** A URL value pointing into the cluster must name an existing Service and one of its ports. */
	private void checkUrl(Workload w, Setting s) {
		String value = s.value().strip();
		String plain = value.replaceFirst("^jdbc:", "");
		if (!plain.matches("^[a-z][a-z0-9+.-]*://.*")) {
			return;
		}
		URI uri;
		try {
			uri = URI.create(plain.replaceAll("\\$\\{[^}]*}", "placeholder"));
		}
		catch (IllegalArgumentException ex) {
			fail("service-url", w.source, s.source() + " sets " + s.key() + " to an invalid URL " + value);
			return;
		}
		String scheme = uri.getScheme();
		if (scope == Scope.BASE && Set.of("postgresql", "redis", "rediss").contains(scheme)) {
			return;
		}
		String host = uri.getHost();
		if (host == null || host.equals("placeholder")) {
			return;
		}
		String serviceName = inClusterService(host);
		if (serviceName == null) {
			return;
		}
		int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
		Optional<Service> service = service(serviceName);
		if (service.isEmpty()) {
			fail("service-url", w.source, s.source() + " points " + s.key() + " at " + value + ", but there is no Service "
					+ serviceName);
			return;
		}
		ServicePort servicePort = servicePort(service.get(), port, null);
		boolean externalWithoutPorts = "ExternalName".equals(service.get().getSpec().getType())
				&& (service.get().getSpec().getPorts() == null || service.get().getSpec().getPorts().isEmpty());
		if (servicePort == null && !externalWithoutPorts) {
			fail("service-url", w.source, s.source() + " points " + s.key() + " at port " + port + " of Service "
					+ serviceName + ", which exposes " + service.get().getSpec().getPorts().stream().map(ServicePort::getPort).toList());
			return;
		}
		if (scope == Scope.FULL) {
			checkReachable(w, s, service.get(), servicePort, port);
		}
	}

	private static String inClusterService(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		if (!h.contains(".")) {
			return h;
		}
		String[] parts = h.split("\\.");
		if (parts.length >= 2 && parts[1].equals(NAMESPACE)
				&& (parts.length == 2 || parts[2].equals("svc"))) {
			return parts[0];
		}
		return null;
	}

	private static int defaultPort(String scheme) {
		switch (scheme) {
			case "https":
				return 443;
			case "postgresql":
				return 5432;
			case "redis":
			case "rediss":
				return 6379;
			default:
				return 80;
		}
	}

	// ---- network policies ------------------------------------------------------------------------------------

	/** A pod (or an address outside the cluster) as a network policy sees it. */
	private record Endpoint(String name, String namespace, Map<String, String> podLabels, boolean external,
			List<ContainerPort> ports) {

		Map<String, String> namespaceLabels() {
			return Map.of("kubernetes.io/metadata.name", namespace);
		}
	}

	private Endpoint endpoint(Workload w) {
		List<ContainerPort> ports = new ArrayList<>();
		w.spec().getContainers().forEach(c -> {
			if (c.getPorts() != null) {
				ports.addAll(c.getPorts());
			}
		});
		return new Endpoint(w.id(), NAMESPACE, w.labels(), false, ports);
	}

	private void checkNetworkPolicies() {
		List<NetworkPolicy> policies = of(NetworkPolicy.class);
		boolean defaultDeny = policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
				&& types(p).containsAll(List.of("Ingress", "Egress"))
				&& (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty())
				&& (p.getSpec().getEgress() == null || p.getSpec().getEgress().isEmpty()));
		if (!defaultDeny) {
			violations.add("[netpol-default-deny] Namespace/" + NAMESPACE
					+ ": no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
		}
		for (Service s : of(Service.class)) {
			Map<String, String> selector = s.getSpec().getSelector();
			if (selector == null || selector.isEmpty()) {
				continue;
			}
			for (Workload w : workloads()) {
				if (!w.labels().entrySet().containsAll(selector.entrySet())) {
					continue;
				}
				for (ServicePort port : s.getSpec().getPorts()) {
					ContainerPort target = targetPort(w, port);
					// Admitted for its callers: peers in this namespace or the ingress controller's (a policy
					// that only lets Prometheus scrape does not make a Service reachable).
					boolean covered = policies.stream()
						.anyMatch(p -> !isEmpty(p.getSpec().getPodSelector())
								&& matches(p.getSpec().getPodSelector(), w.labels()) && types(p).contains("Ingress")
								&& p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
									.anyMatch(r -> portsMatch(r.getPorts(), target) && admitsCallers(r)));
					if (!covered) {
						fail("netpol-coverage", s, "no NetworkPolicy admits traffic to port " + port.getPort()
								+ " of its pods (" + w.id() + ")");
					}
				}
			}
		}
		Endpoint controller = new Endpoint("the ingress controller", INGRESS_CONTROLLER_NAMESPACE, Map.of(), false, List.of());
		Set<String> backends = new LinkedHashSet<>();
		for (Ingress ingress : of(Ingress.class)) {
			for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
				if (rule.getHttp() == null) {
					continue;
				}
				for (HTTPIngressPath path : rule.getHttp().getPaths()) {
					var backend = path.getBackend().getService();
					Optional<Service> service = backend == null ? Optional.empty() : service(backend.getName());
					if (service.isEmpty() || service.get().getSpec().getSelector() == null) {
						continue;
					}
					ServicePort sp = servicePort(service.get(), backend.getPort().getNumber(), backend.getPort().getName());
					for (Workload w : workloads()) {
						if (!w.labels().entrySet().containsAll(service.get().getSpec().getSelector().entrySet())) {
							continue;
						}
						backends.add(w.id());
						ContainerPort target = sp == null ? null : targetPort(w, sp);
						if (target != null && !allowsIngress(endpoint(w), controller, target)) {
							fail("netpol-ingress", ingress, "the ingress controller (namespace " + INGRESS_CONTROLLER_NAMESPACE
									+ ") may not reach " + w.id() + " on port " + target.getContainerPort());
						}
					}
				}
			}
		}
		for (Workload w : workloads()) {
			if (backends.contains(w.id())) {
				continue;
			}
			for (ContainerPort port : endpoint(w).ports()) {
				if (allowsIngress(endpoint(w), controller, port)) {
					fail("netpol-ingress", w.source, "reachable from the ingress controller on port "
							+ port.getContainerPort() + ", but only Ingress backends (the gateway) may be");
				}
			}
		}
	}

	private static boolean admitsCallers(NetworkPolicyIngressRule rule) {
		if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
			return true;
		}
		for (NetworkPolicyPeer peer : rule.getFrom()) {
			if (peer.getIpBlock() != null) {
				continue;
			}
			if (peer.getNamespaceSelector() == null) {
				return true;
			}
			for (String ns : List.of(NAMESPACE, INGRESS_CONTROLLER_NAMESPACE)) {
				if (matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", ns))) {
					return true;
				}
			}
		}
		return false;
	}

	/** The caller must be allowed out, and the callee must let it in, for a URL it is configured with. */
	private void checkReachable(Workload w, Setting s, Service service, ServicePort servicePort, int port) {
		Endpoint caller = endpoint(w);
		List<Endpoint> targets = new ArrayList<>();
		List<ContainerPort> targetPorts = new ArrayList<>();
		if ("ExternalName".equals(service.getSpec().getType())) {
			String external = service.getSpec().getExternalName().toLowerCase(Locale.ROOT);
			Endpoint cnpg = cloudNativePgPods(external);
			if (cnpg != null) {
				targets.add(cnpg);
				targetPorts.add(cnpg.ports().get(0));
			}
			else if (inClusterService(external.replaceFirst("\\.cluster\\.local$", "")) == null) {
				ContainerPort p = new ContainerPort();
				p.setContainerPort(port);
				p.setProtocol("TCP");
				targets.add(new Endpoint(external, "", Map.of(), true, List.of(p)));
				targetPorts.add(p);
			}
		}
		else if (service.getSpec().getSelector() != null) {
			for (Workload target : workloads()) {
				if (target.labels().entrySet().containsAll(service.getSpec().getSelector().entrySet())) {
					ContainerPort cp = servicePort == null ? null : targetPort(target, servicePort);
					if (cp != null) {
						targets.add(endpoint(target));
						targetPorts.add(cp);
					}
				}
			}
		}
		for (int i = 0; i < targets.size(); i++) {
			Endpoint target = targets.get(i);
			ContainerPort cp = targetPorts.get(i);
			if (!allowsEgress(caller, target, cp)) {
				fail("netpol-egress", w.source, "no NetworkPolicy lets " + w.id() + " reach " + target.name() + " port "
						+ cp.getContainerPort() + " (" + s.key() + " = " + s.value() + ")");
			}
			if (!target.external() && !allowsIngress(target, caller, cp)) {
				fail("netpol-ingress", w.source, "no NetworkPolicy lets " + target.name() + " accept " + w.id()
						+ " on port " + cp.getContainerPort() + " (" + s.key() + " = " + s.value() + ")");
			}
		}
	}

	/** The instances behind an alias of a CloudNativePG Service (cluster-rw, -ro, -r). */
	private Endpoint cloudNativePgPods(String externalName) {
		String first = externalName.split("\\.")[0];
		for (HasMetadata o : objects) {
			if (!(o instanceof GenericKubernetesResource g) || !"Cluster".equals(g.getKind())
					|| !"postgresql.cnpg.io/v1".equals(g.getApiVersion())) {
				continue;
			}
			String cluster = g.getMetadata().getName();
			if (!Set.of(cluster + "-rw", cluster + "-ro", cluster + "-r").contains(first)) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			labels.put("cnpg.io/cluster", cluster);
			Object inherited = g.get("spec", "inheritedMetadata", "labels");
			if (inherited instanceof Map<?, ?> m) {
				m.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
			}
			ContainerPort port = new ContainerPort();
			port.setContainerPort(5432);
			port.setName("postgresql");
			port.setProtocol("TCP");
			return new Endpoint("CloudNativePG Cluster " + cluster, NAMESPACE, labels, false, List.of(port));
		}
		return null;
	}

	private boolean allowsEgress(Endpoint from, Endpoint to, ContainerPort port) {
		List<NetworkPolicy> selecting = of(NetworkPolicy.class).stream()
			.filter(p -> namespaceOf(p).equals(from.namespace()) && matches(p.getSpec().getPodSelector(), from.podLabels())
					&& types(p).contains("Egress"))
			.toList();
		if (selecting.isEmpty()) {
			return true;
		}
		for (NetworkPolicy p : selecting) {
			for (NetworkPolicyEgressRule r : Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of())) {
				boolean peer = r.getTo() == null || r.getTo().isEmpty()
						|| r.getTo().stream().anyMatch(x -> peerMatches(x, namespaceOf(p), to));
				if (peer && portsMatch(r.getPorts(), port)) {
					return true;
				}
			}
		}
		return false;
	}

	private boolean allowsIngress(Endpoint to, Endpoint from, ContainerPort port) {
		List<NetworkPolicy> selecting = of(NetworkPolicy.class).stream()
			.filter(p -> namespaceOf(p).equals(to.namespace()) && matches(p.getSpec().getPodSelector(), to.podLabels())
					&& types(p).contains("Ingress"))
			.toList();
		if (selecting.isEmpty()) {
			return true;
		}
		for (NetworkPolicy p : selecting) {
			for (NetworkPolicyIngressRule r : Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of())) {
				boolean peer = r.getFrom() == null || r.getFrom().isEmpty()
						|| r.getFrom().stream().anyMatch(x -> peerMatches(x, namespaceOf(p), from));
				if (peer && portsMatch(r.getPorts(), port)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean peerMatches(NetworkPolicyPeer peer, String policyNamespace, Endpoint e) {
		if (peer.getIpBlock() != null) {
			return e.external();
		}
		if (e.external()) {
			return false;
		}
		boolean namespace = peer.getNamespaceSelector() == null ? e.namespace().equals(policyNamespace)
				: matches(peer.getNamespaceSelector(), e.namespaceLabels());
		boolean pod = peer.getPodSelector() == null || matches(peer.getPodSelector(), e.podLabels());
		return namespace && pod;
	}

	private static boolean portsMatch(List<NetworkPolicyPort> ports, ContainerPort target) {
		if (ports == null || ports.isEmpty()) {
			return true;
		}
		if (target == null) {
			return false;
		}
		String protocol = target.getProtocol() == null ? "TCP" : target.getProtocol();
		for (NetworkPolicyPort p : ports) {
			String pp = p.getProtocol() == null ? "TCP" : p.getProtocol();
			if (!pp.equals(protocol)) {
				continue;
			}
			IntOrString port = p.getPort();
			if (port == null) {
				return true;
			}
			if (port.getIntVal() != null) {
				int from = port.getIntVal();
				int to = p.getEndPort() == null ? from : p.getEndPort();
				if (target.getContainerPort() != null && target.getContainerPort() >= from && target.getContainerPort() <= to) {
					return true;
				}
			}
			else if (port.getStrVal() != null && port.getStrVal().equals(target.getName())) {
				return true;
			}
		}
		return false;
	}

	private static List<String> types(NetworkPolicy p) {
		if (p.getSpec().getPolicyTypes() != null && !p.getSpec().getPolicyTypes().isEmpty()) {
			return p.getSpec().getPolicyTypes();
		}
		List<String> types = new ArrayList<>(List.of("Ingress"));
		if (p.getSpec().getEgress() != null && !p.getSpec().getEgress().isEmpty()) {
			types.add("Egress");
		}
		return types;
	}

	private static String namespaceOf(HasMetadata o) {
		return o.getMetadata().getNamespace() == null ? NAMESPACE : o.getMetadata().getNamespace();
	}

	// ---- helpers ---------------------------------------------------------------------------------------------

	/** A Deployment, StatefulSet or DaemonSet with its pod template. */
	record Workload(HasMetadata source, PodTemplateSpec template) {

		String name() {
			return source.getMetadata().getName();
		}

		String id() {
			return source.getKind() + "/" + name();
		}

		PodSpec spec() {
			return template.getSpec();
		}

		Map<String, String> labels() {
			Map<String, String> l = template.getMetadata() == null ? null : template.getMetadata().getLabels();
			return l == null ? Map.of() : l;
		}

		boolean isApp() {
			return APP_COMPONENTS.contains(labels().get("app.kubernetes.io/component"));
		}

		Container appContainer() {
			return spec().getContainers().isEmpty() ? null : spec().getContainers().get(0);
		}
	}

	private List<Workload> workloads() {
		List<Workload> result = new ArrayList<>();
		for (HasMetadata o : objects) {
			if (o instanceof Deployment d) {
				result.add(new Workload(d, d.getSpec().getTemplate()));
			}
			else if (o instanceof StatefulSet s) {
				result.add(new Workload(s, s.getSpec().getTemplate()));
			}
			else if (o instanceof DaemonSet ds) {
				result.add(new Workload(ds, ds.getSpec().getTemplate()));
			}
		}
		return result;
	}

	private <T extends HasMetadata> List<T> of(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private Optional<Service> service(String name) {
		return of(Service.class).stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
	}

	private static ServicePort servicePort(Service s, Integer number, String name) {
		if (s.getSpec().getPorts() == null) {
			return null;
		}
		for (ServicePort p : s.getSpec().getPorts()) {
			if (number != null && number.equals(p.getPort()) || name != null && name.equals(p.getName())) {
				return p;
			}
		}
		return null;
	}

	private static ContainerPort targetPort(Workload w, ServicePort port) {
		IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
		for (Container c : w.spec().getContainers()) {
			ContainerPort p = containerPort(c, target);
			if (p != null) {
				return p;
			}
		}
		return null;
	}

	private static ContainerPort containerPort(Container c, IntOrString port) {
		if (c.getPorts() == null || port == null) {
			return null;
		}
		for (ContainerPort p : c.getPorts()) {
			if (port.getIntVal() != null && port.getIntVal().equals(p.getContainerPort())
					|| port.getStrVal() != null && port.getStrVal().equals(p.getName())) {
				return p;
			}
		}
		return null;
	}

	private static String portText(IntOrString port) {
		return port == null ? "null" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
	}

	private static List<VolumeMount> mounts(Container c) {
		return c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts();
	}

	private static Optional<Volume> volume(PodSpec spec, String name) {
		return spec.getVolumes() == null ? Optional.empty()
				: spec.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst();
	}

	private static String env(Container c, String name) {
		if (c.getEnv() == null) {
			return null;
		}
		return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).filter(Objects::nonNull)
			.findFirst().orElse(null);
	}

	static boolean isEmpty(LabelSelector s) {
		return s == null || (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
				&& (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
	}

	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return true;
		}
		if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
			return false;
		}
		if (selector.getMatchExpressions() != null) {
			for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
				String value = labels.get(r.getKey());
				List<String> values = r.getValues() == null ? List.of() : r.getValues();
				boolean ok = switch (r.getOperator()) {
					case "In" -> value != null && values.contains(value);
					case "NotIn" -> value == null || !values.contains(value);
					case "Exists" -> value != null;
					case "DoesNotExist" -> value == null;
					default -> false;
				};
				if (!ok) {
					return false;
				}
			}
		}
		return true;
	}

	private void fail(String rule, HasMetadata o, String message) {
		violations.add("[" + rule + "] " + o.getKind() + "/" + o.getMetadata().getName() + ": " + message);
	}
}
