package org.grassroots.center.support;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes jsonb columns with the application's Jackson 3 mapper. */
@Component
public class JsonColumns {

	private final JsonMapper json;

	JsonColumns(JsonMapper json) {
		this.json = json;
	}

	public String write(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	public <T> T read(String text, Class<T> type) {
		return text == null ? null : json.readValue(text, type);
	}

	public <T> T read(String text, TypeReference<T> type) {
		return text == null ? null : json.readValue(text, type);
	}
}
