package org.grassroots.grid.geo;

/**
 * A GeoJSON geometry was refused. {@link #code()} names the rule (a message key {@code field.<code>} in the
 * problem catalogue), {@link #args()} fill in its details, e.g. where the ring self-intersects.
 */
public class GeometryProblem extends RuntimeException {

	private final String code;

	private final transient Object[] args;

	public GeometryProblem(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}
}
