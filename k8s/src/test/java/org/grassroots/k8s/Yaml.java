package org.grassroots.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Spring-style YAML: every document of a file flattened to dotted keys, lists as key[index]. */
final class Yaml {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	private Yaml() {
	}

	static Map<String, Object> flattenFile(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			return flatten(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("cannot parse " + file + ": " + ex.getMessage(), ex);
		}
	}

	static Map<String, Object> flatten(String text) {
		return flatten(new java.io.StringReader(text));
	}

	/** Leaves keep their value; empty maps and lists are kept as leaves too. */
	static Map<String, Object> flatten(Reader reader) {
		org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
		Map<String, Object> result = new LinkedHashMap<>();
		for (Object document : yaml.loadAll(reader)) {
			if (document instanceof Map<?, ?> map) {
				flatten("", map, result);
			}
			else if (document != null) {
				throw new IllegalArgumentException("a configuration document must be a map, not " + document);
			}
		}
		return result;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> result) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty() && !prefix.isEmpty()) {
				result.put(prefix, map);
			}
			map.forEach((k, v) -> {
				String key = String.valueOf(k);
				flatten(prefix.isEmpty() ? key : prefix + "." + key, v, result);
			});
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				result.put(prefix, list);
			}
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), result);
			}
		}
		else {
			result.put(prefix, value);
		}
	}

	static Map<String, Object> properties(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		properties.forEach((k, v) -> result.put(String.valueOf(k), v));
		return result;
	}

	/** The value with every ${name:default} replaced by its default (and ${name} by nothing). */
	static String resolveDefaults(String value) {
		String current = value;
		for (int i = 0; i < 5; i++) {
			Matcher m = PLACEHOLDER.matcher(current);
			String next = m.replaceAll(r -> Matcher.quoteReplacement(r.group(2) == null ? "" : r.group(2)));
			if (next.equals(current)) {
				break;
			}
			current = next;
		}
		return current;
	}

	/** The names that ${...} placeholders in a value refer to. */
	static Set<String> placeholders(String value) {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(value);
		while (m.find()) {
			names.add(m.group(1).trim());
		}
		return names;
	}
}
