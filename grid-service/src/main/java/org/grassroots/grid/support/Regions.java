package org.grassroots.grid.support;

import java.util.regex.Pattern;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;

/**
 * Region paths: {@code {district}/{street}/{community}/{grid}/{micro-grid}}. The depth of a path tells the level of
 * the unit it names: 1 district, 2 street, 3 community, 4 grid, 5 micro-grid.
 */
public final class Regions {

	public static final int DISTRICT = 1;

	public static final int STREET = 2;

	public static final int COMMUNITY = 3;

	public static final int GRID = 4;

	public static final int MICRO_GRID = 5;

	private static final Pattern PATH = Pattern.compile("\\d{6}(/[0-9A-Za-z-]{1,32}){0,5}");

	private Regions() {
	}

	public static boolean isValid(String path) {
		return path != null && PATH.matcher(path).matches();
	}

	public static int depth(String path) {
		int depth = 1;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				depth++;
			}
		}
		return depth;
	}

	/** The ancestor (or the path itself) of the given depth; {@code null} when the path is shallower. */
	public static String truncate(String path, int depth) {
		if (path == null) {
			return null;
		}
		int seen = 1;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				if (seen == depth) {
					return path.substring(0, i);
				}
				seen++;
			}
		}
		return seen == depth ? path : null;
	}

	/** Whether {@code path} equals {@code ancestor} or lies below it. */
	public static boolean within(String path, String ancestor) {
		return path.equals(ancestor) || path.startsWith(ancestor + "/");
	}

	/** A 400 unless {@code region} is a well-formed path in the caller's district. */
	public static void requireInTenant(Caller caller, String field, String region) {
		if (!isValid(region)) {
			throw DomainProblem.invalidField(field, "region-format");
		}
		if (!within(region, caller.tenant())) {
			throw DomainProblem.invalidField(field, "region-tenant");
		}
	}

	/** A LIKE pattern matching every path strictly below {@code path}. */
	public static String subtreePattern(String path) {
		return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
	}
}
