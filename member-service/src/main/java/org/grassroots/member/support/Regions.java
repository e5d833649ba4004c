package org.grassroots.member.support;

import java.util.regex.Pattern;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;

/** Region paths of the administrative tree: {@code 441702/441702001/441702001003}, district code first. */
public final class Regions {

	private static final Pattern REGION = Pattern.compile("\\d{6}(/[0-9A-Za-z-]{1,32}){0,6}");

	private Regions() {
	}

	/** A 400 problem on {@code field} unless the path is well formed and lies in the caller's district. */
	public static String validate(Caller caller, String field, String region) {
		if (region == null || !REGION.matcher(region).matches()) {
			throw DomainProblem.invalidField(field, "region-format");
		}
		if (!within(region, caller.tenant())) {
			throw DomainProblem.invalidField(field, "region-tenant");
		}
		return region;
	}

	/** Whether {@code region} equals {@code ancestor} or lies below it. */
	public static boolean within(String region, String ancestor) {
		if (region == null || ancestor == null) {
			return false;
		}
		return region.equals(ancestor) || region.startsWith(ancestor + "/");
	}

	/** The LIKE pattern for everything strictly below {@code prefix}. */
	public static String subtreePattern(String prefix) {
		return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
	}

	/** How many levels the path has: 1 for the district, 2 for a street, 3 for a community. */
	public static int depth(String region) {
		return region.split("/").length;
	}
}
