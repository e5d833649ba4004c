package org.grassroots.grid.households;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (quotes doubled inside, line breaks allowed),
 * CRLF or LF line ends, a leading UTF-8 byte order mark ignored (spreadsheets write one). Blank lines are skipped.
 */
final class Csv {

	/** One record and the line it starts on (1-based, the header is line 1). */
	record Row(int line, List<String> fields) {
	}

	/** A field that opened a quote never closed it. */
	static final class MalformedCsv extends RuntimeException {

		final int line;

		MalformedCsv(int line) {
			super("unterminated quoted field starting on line " + line);
			this.line = line;
		}
	}

	private Csv() {
	}

	static List<Row> parse(String text) {
		String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int line = 1;
		int rowLine = 1;
		int quoteLine = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
						field.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
				quoteLine = line;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
					i++;
				}
				if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
					fields.add(field.toString());
					rows.add(new Row(rowLine, List.copyOf(fields)));
				}
				fields.clear();
				field.setLength(0);
				fieldStarted = false;
				line++;
				rowLine = line;
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
		}
		if (quoted) {
			throw new MalformedCsv(quoteLine);
		}
		if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
			fields.add(field.toString());
			rows.add(new Row(rowLine, List.copyOf(fields)));
		}
		return rows;
	}
}
