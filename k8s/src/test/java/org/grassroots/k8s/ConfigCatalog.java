package org.grassroots.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys each application reads, gathered at test time from its module in the repository:
 * every key of {@code src/main/resources/application*.yml|yaml|properties}, the properties of its
 * {@code @ConfigurationProperties} classes and records and its {@code @Value} placeholders (the module's own
 * sources and service-defaults' when the module depends on it), plus an explicit allow-list of standard Spring
 * Boot keys that the manifests may set without the application naming them.
 */
final class ConfigCatalog {

	/**
	 * Standard Spring Boot keys the manifests may set although an application.yml need not name them. An entry
	 * ending in '.' admits everything below it. Deliberately narrow: a misspelt key must not slip through.
	 */
	static final List<String> STANDARD_KEYS = List.of(
			"server.port", "server.shutdown",
			"spring.application.name",
			"spring.config.import", "spring.config.additional-location", "spring.profiles.active",
			"spring.lifecycle.timeout-per-shutdown-phase",
			"spring.threads.virtual.enabled",
			"spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
			"spring.datasource.hikari.",
			"spring.flyway.url", "spring.flyway.user", "spring.flyway.password",
			"spring.data.redis.url",
			"management.endpoint.health.probes.enabled", "management.endpoints.web.exposure.include",
			"management.tracing.", "management.otlp.",
			"logging.level.", "logging.structured.");

	/** Environment variables a container may set that are not configuration keys. */
	static final Set<String> JVM_ENVIRONMENT = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "TZ");

	private static final Pattern CONFIG_PROPERTIES = Pattern.compile(
			"@ConfigurationProperties\\s*\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"([^\"]+)\"");

	private static final Pattern VALUE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\\[\\]]+)(?::[^}]*)?}");

	private static final Pattern GET_PROPERTY = Pattern.compile("getProperty\\(\\s*\"([a-z][\\w.\\-\\[\\]]*)\"");

	private static final Pattern CONDITIONAL = Pattern.compile("@ConditionalOnProperty\\s*\\(([^)]*)\\)");

	private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");

	private static final Pattern CLASS = Pattern.compile("\\bclass\\s+(\\w+)");

	private static final Pattern FIELD = Pattern.compile(
			"^\\s*(?:private|protected|public)\\s+(?!static)(?:final\\s+)?([\\w.<>,?\\[\\] ]+?)\\s+(\\w+)\\s*(?:=[^;]*)?;",
			Pattern.MULTILINE);

	private static final Set<String> SIMPLE_TYPES = Set.of("String", "int", "Integer", "long", "Long", "boolean",
			"Boolean", "double", "Double", "float", "Float", "short", "Short", "byte", "Byte", "char", "Character",
			"Duration", "Period", "DataSize", "URI", "URL", "Path", "Resource", "Charset", "Locale", "ZoneId",
			"Pattern", "InetAddress", "Class", "BigDecimal", "BigInteger", "Instant", "LocalDate", "LocalTime",
			"ChronoUnit", "TimeUnit", "HttpMethod", "MediaType", "String[]", "char[]", "byte[]");

	private final Path repositoryRoot;

	private final Map<String, AppKeys> cache = new ConcurrentHashMap<>();

	ConfigCatalog(Path repositoryRoot) {
		this.repositoryRoot = repositoryRoot;
	}

	Path repositoryRoot() {
		return repositoryRoot;
	}

	/** The keys of the application whose module directory is {@code app} (gateway, center-service, ...). */
	AppKeys forApp(String app) {
		return cache.computeIfAbsent(app, this::load);
	}

	private AppKeys load(String app) {
		Path module = repositoryRoot.resolve(app);
		AppKeys keys = new AppKeys(app);
		Path resources = module.resolve("src/main/resources");
		List<Path> configFiles = configFiles(resources);
		if (configFiles.stream().noneMatch(p -> p.getFileName().toString().startsWith("application."))) {
			keys.problems.add("cannot tell which keys " + app + " reads: no " + repositoryRoot.relativize(resources)
					+ "/application.yml (or .yaml/.properties)");
		}
		for (Path file : configFiles) {
			Map<String, Object> flat = file.toString().endsWith(".properties") ? Yaml.properties(file)
					: Yaml.flattenFile(file);
			flat.forEach((k, v) -> keys.addYamlKey(k, v));
		}
		List<Path> sourceRoots = new ArrayList<>();
		sourceRoots.add(module.resolve("src/main/java"));
		if (dependsOnServiceDefaults(module)) {
			sourceRoots.add(repositoryRoot.resolve("service-defaults/core/src/main/java"));
			configFiles(repositoryRoot.resolve("service-defaults/core/src/main/resources"))
				.forEach(f -> Yaml.flattenFile(f).forEach(keys::addYamlKey));
		}
		for (Path root : sourceRoots) {
			scanSources(root, keys);
		}
		return keys;
	}

	private static List<Path> configFiles(Path resources) {
		if (!Files.isDirectory(resources)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(resources)) {
			return files.filter(p -> p.getFileName().toString().matches("application(-[\\w.-]+)?\\.(yml|yaml|properties)"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean dependsOnServiceDefaults(Path module) {
		Path pom = module.resolve("pom.xml");
		try {
			return Files.exists(pom) && Files.readString(pom).contains("<artifactId>service-defaults</artifactId>");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void scanSources(Path root, AppKeys keys) {
		if (!Files.isDirectory(root)) {
			return;
		}
		Map<String, List<String[]>> typeMembers = new HashMap<>();
		Map<String, String> prefixes = new LinkedHashMap<>();
		List<String> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				sources.add(Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (String source : sources) {
			// Placeholders in string literals: @Value("${key:default}"), environment lookups and the like.
			Matcher value = VALUE.matcher(source);
			while (value.find()) {
				keys.exact.add(canonical(value.group(1)));
			}
			Matcher lookup = GET_PROPERTY.matcher(source);
			while (lookup.find()) {
				keys.exact.add(canonical(lookup.group(1)));
			}
			Matcher conditional = CONDITIONAL.matcher(source);
			while (conditional.find()) {
				String args = conditional.group(1);
				Matcher prefix = Pattern.compile("prefix\\s*=\\s*\"([^\"]*)\"").matcher(args);
				String p = prefix.find() ? prefix.group(1) + "." : "";
				Matcher literal = Pattern.compile("\"([^\"]+)\"")
					.matcher(args.replaceAll("(prefix|havingValue)\\s*=\\s*\"[^\"]*\"", ""));
				while (literal.find()) {
					keys.exact.add(canonical(p + literal.group(1)));
				}
			}
			collectTypes(source, typeMembers, prefixes);
		}
		prefixes.forEach((type, prefix) -> addMembers(prefix, type, typeMembers, keys, 0));
	}

	/** Records and classes with their (type, name) members; which of them carry @ConfigurationProperties. */
	private static void collectTypes(String source, Map<String, List<String[]>> typeMembers,
			Map<String, String> prefixes) {
		Matcher record = RECORD.matcher(source);
		while (record.find()) {
			String name = record.group(1);
			int open = record.end() - 1;
			int close = matching(source, open);
			if (close < 0) {
				continue;
			}
			List<String[]> members = new ArrayList<>();
			for (String component : splitTopLevel(source.substring(open + 1, close))) {
				String c = component.replaceAll("@\\w+(\\([^)]*\\))?", "").trim();
				int space = c.lastIndexOf(' ');
				if (space > 0) {
					members.add(new String[] { c.substring(0, space).trim(), c.substring(space + 1).trim() });
				}
			}
			typeMembers.put(name, members);
			String prefix = annotationBefore(source, record.start());
			if (prefix != null) {
				prefixes.put(name, prefix);
			}
		}
		Matcher cls = CLASS.matcher(source);
		while (cls.find()) {
			String name = cls.group(1);
			int open = source.indexOf('{', cls.end());
			int close = open < 0 ? -1 : matching(source, open);
			if (close < 0) {
				continue;
			}
			String body = topLevelOnly(source.substring(open + 1, close));
			List<String[]> members = new ArrayList<>();
			Matcher field = FIELD.matcher(body);
			while (field.find()) {
				members.add(new String[] { field.group(1).trim(), field.group(2) });
			}
			typeMembers.putIfAbsent(name, members);
			String prefix = annotationBefore(source, cls.start());
			if (prefix != null) {
				prefixes.put(name, prefix);
			}
		}
	}

	/** The @ConfigurationProperties prefix among the annotations right before a type declaration. */
	private static String annotationBefore(String source, int declaration) {
		int from = Math.max(0, declaration - 400);
		String head = source.substring(from, declaration);
		int lastEnd = Math.max(head.lastIndexOf(';'), head.lastIndexOf('}'));
		head = head.substring(lastEnd + 1);
		Matcher m = CONFIG_PROPERTIES.matcher(head);
		String prefix = null;
		while (m.find()) {
			prefix = m.group(1);
		}
		return prefix;
	}

	private static void addMembers(String prefix, String type, Map<String, List<String[]>> typeMembers,
			AppKeys keys, int depth) {
		List<String[]> members = typeMembers.get(type);
		if (members == null || depth > 6) {
			keys.open.add(canonical(prefix));
			return;
		}
		for (String[] member : members) {
			String memberType = member[0].replaceAll("\\s+", "");
			String key = prefix + "." + kebab(member[1]);
			String raw = memberType.replaceAll("<.*", "");
			String simple = raw.substring(raw.lastIndexOf('.') + 1);
			if (SIMPLE_TYPES.contains(simple) || simple.matches("[A-Z][A-Z0-9_]*")) {
				keys.exact.add(canonical(key));
			}
			else if (simple.equals("List") || simple.equals("Set") || simple.equals("Collection")
					|| simple.endsWith("[]")) {
				String element = memberType.contains("<")
						? memberType.substring(memberType.indexOf('<') + 1, memberType.lastIndexOf('>')) : "String";
				keys.exact.add(canonical(key));
				String elementSimple = element.substring(element.lastIndexOf('.') + 1);
				if (SIMPLE_TYPES.contains(elementSimple)) {
					keys.open.add(canonical(key));
				}
				else {
					addMembers(key + "[0]", elementSimple, typeMembers, keys, depth + 1);
				}
			}
			else if (simple.equals("Map") || simple.equals("Properties")) {
				keys.open.add(canonical(key));
			}
			else {
				addMembers(key, simple, typeMembers, keys, depth + 1);
			}
		}
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static int matching(String s, int open) {
		char o = s.charAt(open);
		char c = o == '(' ? ')' : '}';
		int depth = 0;
		for (int i = open; i < s.length(); i++) {
			if (s.charAt(i) == o) {
				depth++;
			}
			else if (s.charAt(i) == c) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return -1;
	}

	private static List<String> splitTopLevel(String s) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			if (ch == '<' || ch == '(') {
				depth++;
			}
			else if (ch == '>' || ch == ')') {
				depth--;
			}
			else if (ch == ',' && depth == 0) {
				parts.add(s.substring(start, i));
				start = i + 1;
			}
		}
		if (start < s.length() && !s.substring(start).isBlank()) {
			parts.add(s.substring(start));
		}
		return parts;
	}

	/** The text of a class body without nested blocks (method bodies, nested types). */
	private static String topLevelOnly(String body) {
		StringBuilder sb = new StringBuilder();
		int depth = 0;
		for (int i = 0; i < body.length(); i++) {
			char ch = body.charAt(i);
			if (ch == '{') {
				depth++;
			}
			else if (ch == '}') {
				depth--;
			}
			else if (depth == 0) {
				sb.append(ch);
			}
		}
		return sb.toString();
	}

	/**
	 * Spring's relaxed binding, for comparison: lower case, no dashes or underscores, list indexes as [*].
	 */
	static String canonical(String key) {
		return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replaceAll("\\[\\d+]", "[*]");
	}

	/** An environment variable's name in the same form ({@code SPRING_DATA_REDIS_URL} to springdataredisurl). */
	static String envCanonical(String name) {
		return name.toLowerCase(Locale.ROOT).replace("_", "");
	}

	private static String flatCanonical(String key) {
		return canonical(key).replace(".", "").replace("[*]", "");
	}

	static boolean isStandard(String key) {
		String c = canonical(key);
		for (String standard : STANDARD_KEYS) {
			String s = canonical(standard);
			if (standard.endsWith(".") ? c.startsWith(s) : c.equals(s)) {
				return true;
			}
		}
		return false;
	}

	/** The keys one application reads. */
	static final class AppKeys {

		final String app;

		final Set<String> exact = new LinkedHashSet<>();

		/** Keys below which anything goes (maps, empty sections, unknown nested types). */
		final Set<String> open = new LinkedHashSet<>();

		/** The application's own values, for keys whose default points at localhost. */
		final Map<String, String> yamlValues = new LinkedHashMap<>();

		final List<String> problems = new ArrayList<>();

		AppKeys(String app) {
			this.app = app;
		}

		void addYamlKey(String key, Object value) {
			String c = canonical(key);
			exact.add(c);
			if (value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty()) {
				open.add(c);
			}
			if (value != null && !(value instanceof Map) && !(value instanceof List)) {
				yamlValues.put(key, String.valueOf(value));
			}
		}

		boolean knows(String key) {
			String c = canonical(key);
			if (exact.contains(c) || isStandard(key)) {
				return true;
			}
			for (String o : open) {
				if (c.startsWith(o + ".") || c.startsWith(o + "[")) {
					return true;
				}
			}
			// A list the application declares may be set element by element.
			return exact.contains(c.replaceAll("\\[\\*]$", ""));
		}

		/** Whether an environment variable binds to a key this application reads. */
		boolean knowsEnv(String name) {
			String e = envCanonical(name);
			for (String k : exact) {
				if (flatCanonical(k).equals(e)) {
					return true;
				}
			}
			for (String standard : STANDARD_KEYS) {
				String s = flatCanonical(standard);
				if (standard.endsWith(".") ? e.startsWith(s) : e.equals(s)) {
					return true;
				}
			}
			for (String o : open) {
				if (e.startsWith(flatCanonical(o))) {
					return true;
				}
			}
			return false;
		}

		/** The application's keys whose default value points at this machine: the cluster must override them. */
		Map<String, String> localhostDefaults() {
			Map<String, String> result = new LinkedHashMap<>();
			yamlValues.forEach((k, v) -> {
				String effective = Yaml.resolveDefaults(v);
				if (effective.matches("(?s).*\\b(localhost|127\\.0\\.0\\.1|\\[::1])\\b.*")) {
					result.put(k, effective);
				}
			});
			return result;
		}
	}
}
