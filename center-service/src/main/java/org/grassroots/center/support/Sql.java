package org.grassroots.center.support;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.DataAccessException;

/** Small helpers for JDBC mapping. */
public final class Sql {

	private Sql() {
	}

	public static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	public static String[] array(List<String> values) {
		return values == null ? new String[0] : values.toArray(String[]::new);
	}

	public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	public static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** Whether a failed statement was refused by the named constraint (exclusion, unique, check). */
	public static boolean violates(DataAccessException ex, String constraint) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
			return constraint.equals(psql.getServerErrorMessage().getConstraint());
		}
		return cause.getMessage() != null && cause.getMessage().contains("\"" + constraint + "\"");
	}
}
