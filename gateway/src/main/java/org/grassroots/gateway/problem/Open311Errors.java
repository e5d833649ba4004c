package org.grassroots.gateway.problem;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Errors the gateway answers itself on {@code /open311/**}, in the GeoReport v2 format a spec-only client
 * understands instead of problem+json: {@code [{"code":403,"description":"…"}]}, or
 * {@code <errors><error><code>403</code><description>…</description></error></errors>} when the path ends in
 * {@code .xml}. The spec answers a missing or bad {@code api_key} with 403 and an unknown {@code jurisdiction_id}
 * with 404, so 401s become 403s here; every other status (413, 429, 503, …) keeps its HTTP meaning. grid-service
 * answers its own Open311 errors in the same format.
 */
@Component
public class Open311Errors {

	static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	private static final XMLOutputFactory XML_OUTPUT = XMLOutputFactory.newFactory();

	private final ProblemMessages messages;

	private final JsonMapper jsonMapper;

	public Open311Errors(ProblemMessages messages, JsonMapper jsonMapper) {
		this.messages = messages;
		this.jsonMapper = jsonMapper;
	}

	/** Whether errors on this path use the Open311 format. */
	public static boolean applies(String path) {
		return path.equals("/open311") || path.startsWith("/open311/");
	}

	/** Only a path ending in {@code .xml} gets XML; everything else (including no extension) JSON. */
	public static boolean wantsXml(String path) {
		return path.regionMatches(true, path.length() - 4, ".xml", 0, 4);
	}

	/** The spec's status and a description in the caller's language for a problem of the gateway. */
	public Open311Error toError(ProblemException problem, String jurisdiction, Locale locale) {
		return switch (problem.type()) {
			// the spec knows no 401: a missing or unusable credential is "api_key was not provided or invalid"
			case UNAUTHORIZED -> new Open311Error(HttpStatus.FORBIDDEN,
					messages.message("open311.api-key-missing", null, locale));
			case INVALID_API_KEY -> new Open311Error(HttpStatus.FORBIDDEN,
					messages.message("open311.api-key-invalid", null, locale));
			case INVALID_TOKEN -> new Open311Error(HttpStatus.FORBIDDEN, messages.detail(problem, locale));
			case TENANT_NOT_FOUND -> new Open311Error(HttpStatus.NOT_FOUND,
					messages.message("open311.jurisdiction-not-found",
							new Object[] { jurisdiction == null ? "" : jurisdiction }, locale));
			default -> new Open311Error(problem.type().status(), description(problem, locale));
		};
	}

	private String description(ProblemException problem, Locale locale) {
		StringBuilder text = new StringBuilder(messages.detail(problem, locale));
		for (FieldProblem field : problem.fieldProblems()) {
			text.append(' ')
				.append(field.field())
				.append(": ")
				.append(messages.message(field.messageKey(), field.arguments().toArray(), locale));
		}
		return text.toString();
	}

	/** The body of a one-error document. */
	public byte[] body(Open311Error error, boolean xml) {
		if (!xml) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("code", error.status().value());
			item.put("description", error.description());
			return jsonMapper.writeValueAsBytes(List.of(item));
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter w = XML_OUTPUT.createXMLStreamWriter(out, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.writeStartElement("errors");
			w.writeStartElement("error");
			w.writeStartElement("code");
			w.writeCharacters(Integer.toString(error.status().value()));
			w.writeEndElement();
			w.writeStartElement("description");
			w.writeCharacters(error.description());
			w.writeEndElement();
			w.writeEndElement();
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write an Open311 error", ex);
		}
		return out.toByteArray();
	}

	public static MediaType mediaType(boolean xml) {
		return xml ? XML : JSON;
	}

	/** One GeoReport v2 error. */
	public record Open311Error(HttpStatus status, String description) {
	}

}
