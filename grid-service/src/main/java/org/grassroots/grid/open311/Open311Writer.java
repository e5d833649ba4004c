package org.grassroots.grid.open311;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes GeoReport v2 documents: a list of items under a root element in XML (with the XML declaration and UTF-8),
 * or a JSON array of objects. Nested lists become wrapper elements with singular children
 * ({@code <attributes><attribute>…}); null values become empty elements in XML and null in JSON; times are W3C
 * date-times with the China offset.
 */
@Component
class Open311Writer {

	static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

	private static final Map<String, String> SINGULAR = Map.of("attributes", "attribute", "values", "value",
			"endpoints", "endpoint", "formats", "format", "errors", "error");

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final JsonMapper json;

	Open311Writer(JsonMapper json) {
		this.json = json;
	}

	ResponseEntity<byte[]> write(HttpStatusCode status, Open311Format format, String root, String item,
			List<Map<String, Object>> items) {
		byte[] body = format == Open311Format.JSON ? json.writeValueAsBytes(plain(items)) : xml(root, item, items);
		return ResponseEntity.status(status).contentType(format.mediaType).body(body);
	}

	/** A single object document (discovery): in JSON an object, in XML the root's children. */
	ResponseEntity<byte[]> writeObject(Open311Format format, String root, Map<String, Object> object) {
		byte[] body;
		if (format == Open311Format.JSON) {
			body = json.writeValueAsBytes(plainMap(object));
		}
		else {
			body = xmlObject(root, object);
		}
		return ResponseEntity.ok().contentType(format.mediaType).body(body);
	}

	private byte[] xml(String root, String item, List<Map<String, Object>> items) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeStartElement(root);
			for (Map<String, Object> entry : items) {
				w.writeStartElement(item);
				fields(w, entry);
				w.writeEndElement();
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private byte[] xmlObject(String root, Map<String, Object> object) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeStartElement(root);
			fields(w, object);
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	@SuppressWarnings("unchecked")
	private void fields(XMLStreamWriter w, Map<String, Object> fields) throws XMLStreamException {
		for (Map.Entry<String, Object> field : fields.entrySet()) {
			Object value = field.getValue();
			if (value == null) {
				w.writeEmptyElement(field.getKey());
			}
			else if (value instanceof List<?> list) {
				w.writeStartElement(field.getKey());
				String child = SINGULAR.getOrDefault(field.getKey(), "item");
				for (Object element : list) {
					if (element instanceof Map<?, ?> map) {
						w.writeStartElement(child);
						fields(w, (Map<String, Object>) map);
						w.writeEndElement();
					}
					else {
						w.writeStartElement(child);
						w.writeCharacters(text(element));
						w.writeEndElement();
					}
				}
				w.writeEndElement();
			}
			else if (value instanceof Map<?, ?> map) {
				w.writeStartElement(field.getKey());
				fields(w, (Map<String, Object>) map);
				w.writeEndElement();
			}
			else {
				w.writeStartElement(field.getKey());
				w.writeCharacters(text(value));
				w.writeEndElement();
			}
		}
	}

	private static String text(Object value) {
		if (value instanceof OffsetDateTime time) {
			return time.withOffsetSameInstant(CHINA).format(W3C);
		}
		return String.valueOf(value);
	}

	private static List<Map<String, Object>> plain(List<Map<String, Object>> items) {
		List<Map<String, Object>> out = new ArrayList<>(items.size());
		items.forEach(i -> out.add(plainMap(i)));
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> plainMap(Map<String, Object> map) {
		Map<String, Object> out = new LinkedHashMap<>();
		map.forEach((k, v) -> out.put(k, plainValue(v)));
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Object plainValue(Object v) {
		if (v instanceof OffsetDateTime time) {
			return time.withOffsetSameInstant(CHINA).format(W3C);
		}
		if (v instanceof Map<?, ?> m) {
			return plainMap((Map<String, Object>) m);
		}
		if (v instanceof List<?> l) {
			List<Object> out = new ArrayList<>();
			l.forEach(e -> out.add(plainValue(e)));
			return out;
		}
		return v;
	}
}
