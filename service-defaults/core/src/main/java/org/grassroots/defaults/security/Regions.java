package org.grassroots.defaults.security;

import java.util.regex.Pattern;

import org.grassroots.defaults.problem.DomainProblem;
import org.springframework.http.HttpStatus;

/**
 * Region paths of the administrative tree, the data scope of the internal token: {@code 441702/441702001/441702001003},
 * the district code first. The depth of a path is the level of the unit it names: 1 district, 2 street, 3
 * community/village; deeper levels are each service's own (compounds for centers, grids and micro-grids for grids).
 */
public final class Regions {

	public static final int DISTRICT = 1;

	public static final int STREET = 2;

	public static final int COMMUNITY = 3;

	private static final Pattern PATH = Pattern.compile("\\d{6}(/[0-9A-Za-z-]{1,32}){0,6}");

	private Regions() {
	}

	public static boolean isValid(String path) {
		return path != null && PATH.matcher(path).matches();
	}

	/** How many levels the path has: 1 for the district, 2 for a street, 3 for a community. */
	public static int depth(String path) {
		int depth = 1;
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				depth++;
			}
		}
		return depth;
	}

	/** The ancestor of the given depth (or the path itself); {@code null} when the path is shallower. */
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

	/** Whether {@code path} equals {@code ancestor} or lies below it; false when either is missing. */
	public static boolean within(String path, String ancestor) {
		if (path == null || ancestor == null) {
			return false;
		}
		return path.equals(ancestor) || path.startsWith(ancestor + "/");
	}

	/** A 400 problem on {@code field} unless {@code region} is a well-formed path in the caller's district. */
	public static String requireInTenant(Caller caller, String field, String region) {
		if (!isValid(region)) {
			throw DomainProblem.invalidField(field, "region-format");
		}
		if (!within(region, caller.tenant())) {
			throw DomainProblem.invalidField(field, "region-tenant");
		}
		return region;
	}

	/** As {@link #requireInTenant}, and a 403 when the region lies outside the caller's data scope. */
	public static String requireWritable(Caller caller, String field, String region) {
		requireInTenant(caller, field, region);
		if (!caller.covers(region)) {
			throw new DomainProblem(HttpStatus.FORBIDDEN, "region-outside-scope", caller.scopePrefix());
		}
		return region;
	}

	/** A LIKE pattern matching every path strictly below {@code path}. */
	public static String subtreePattern(String path) {
		return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
	}

}
