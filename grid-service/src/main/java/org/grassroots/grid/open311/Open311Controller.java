package org.grassroots.grid.open311;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.grid.casework.AttachmentInput;
import org.grassroots.grid.casework.CaseService;
import org.grassroots.grid.casework.CaseStatus;
import org.grassroots.grid.casework.CaseView;
import org.grassroots.grid.casework.Category;
import org.grassroots.grid.casework.CategoryAttribute;
import org.grassroots.grid.casework.Channel;
import org.grassroots.grid.casework.DispatchMode;
import org.grassroots.grid.casework.Intake;
import org.grassroots.grid.casework.Steps;
import org.grassroots.grid.casework.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) with mySociety's FixMyStreet extensions (extended statuses,
 * service request updates), JSON and XML by extension. {@code jurisdiction_id} is the district code; the gateway
 * authenticates {@code api_key} (an integrator client) and lets anonymous GETs with a {@code jurisdiction_id}
 * through. Anonymous readers see only categories marked public, without descriptions, addresses, media or
 * reporters, and with locations rounded to about 100 m.
 */
@RestController
@RequestMapping("/open311/v2")
@Tag(name = "Open311 GeoReport v2")
class Open311Controller {

	/** Spec: GET requests returns at most 1000 requests and spans at most 90 days. */
	static final int MAX_RESULTS = 1000;

	static final Duration MAX_SPAN = Duration.ofDays(90);

	private final Taxonomy taxonomy;

	private final CaseService cases;

	private final Open311Writer writer;

	Open311Controller(Taxonomy taxonomy, CaseService cases, Open311Writer writer) {
		this.taxonomy = taxonomy;
		this.cases = cases;
		this.writer = writer;
	}

	// ---- discovery and services ---------------------------------------------------------------------------

	@GetMapping("/discovery.{format}")
	@Operation(summary = "Service discovery")
	ResponseEntity<byte[]> discovery(Caller caller, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = format(format);
		jurisdiction(caller, FormParameters.of(request));
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", baseUrl(request));
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", "由辖区组织部门受理；接入方请联系平台运营方 / district organization department via the platform operator");
		discovery.put("key_service", "接入密钥由平台运营方签发 / API keys are issued by the platform operator");
		discovery.put("endpoints", List.of(endpoint));
		return writer.writeObject(f, "discovery", discovery);
	}

	static final OffsetDateTime CHANGESET = OffsetDateTime.of(2026, 11, 21, 0, 0, 0, 0, ZoneOffset.ofHours(8));

	@GetMapping("/services.{format}")
	@Operation(summary = "Service list: the district's active case categories")
	ResponseEntity<byte[]> services(Caller caller, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = format(format);
		jurisdiction(caller, FormParameters.of(request));
		List<Map<String, Object>> items = new ArrayList<>();
		for (Category c : taxonomy.list(caller, false)) {
			if (caller.isAnonymous() && !c.publicVisible()) {
				continue;
			}
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("service_code", c.code());
			s.put("service_name", c.name());
			s.put("description", c.description());
			s.put("metadata", !c.attributes().isEmpty());
			s.put("type", "realtime");
			s.put("keywords", String.join(", ", c.keywords()));
			s.put("group", c.groupName());
			items.add(s);
		}
		return writer.write(HttpStatus.OK, f, "services", "service", items);
	}

	@GetMapping("/services/{code}.{format}")
	@Operation(summary = "Service definition: the category's attributes")
	ResponseEntity<byte[]> definition(Caller caller, @PathVariable String code, @PathVariable String format,
			HttpServletRequest request) {
		Open311Format f = format(format);
		jurisdiction(caller, FormParameters.of(request));
		Category category = taxonomy.get(caller, code)
			.filter(Category::active)
			.filter(c -> !caller.isAnonymous() || c.publicVisible())
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " not found"));
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (CategoryAttribute a : category.attributes()) {
			Map<String, Object> attribute = new LinkedHashMap<>();
			attribute.put("variable", true);
			attribute.put("code", a.code());
			attribute.put("datatype", a.datatype());
			attribute.put("required", a.required());
			attribute.put("datatype_description", a.isList() ? "从列表中选择 / choose from the list" : null);
			attribute.put("order", a.order());
			attribute.put("description", a.description());
			if (a.isList()) {
				List<Map<String, Object>> values = new ArrayList<>();
				for (CategoryAttribute.Value v : a.values()) {
					Map<String, Object> value = new LinkedHashMap<>();
					value.put("key", v.key());
					value.put("name", v.name());
					values.add(value);
				}
				attribute.put("values", values);
			}
			attributes.add(attribute);
		}
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", category.code());
		definition.put("attributes", attributes);
		return writer.writeObject(f, "service_definition", definition);
	}

	// ---- service requests ---------------------------------------------------------------------------------

	@PostMapping("/requests.{format}")
	@Operation(summary = "Create a service request (form-encoded; api_key authenticated by the gateway)",
			description = "service_code, lat + long (or lon) or address_string/address_id, description, first_name, "
					+ "last_name, phone, media_url, attribute[code]=value (attribute[code][]=… for multi-value).")
	ResponseEntity<byte[]> create(Caller caller, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = format(format);
		MultiValueMap<String, String> p = FormParameters.of(request);
		jurisdiction(caller, p);
		if (caller.isAnonymous() || !caller.hasAnyRole(org.grassroots.grid.support.Access.REPORTERS)) {
			throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key was not provided or is not valid");
		}
		if ("integrator".equals(caller.kind()) && !caller.scopes().contains("cases:write")) {
			throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key does not allow creating requests (cases:write)");
		}
		String serviceCode = one(p, "service_code");
		if (serviceCode == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code was not provided");
		}
		Category category = taxonomy.get(caller, serviceCode)
			.filter(Category::active)
			.orElseThrow(() -> new Open311Exception(HttpStatus.BAD_REQUEST, "service_code " + serviceCode + " not found"));
		Double lat = number(p, "lat");
		Double lng = number(p, "long");
		if (lng == null) {
			lng = number(p, "lon");
		}
		String address = one(p, "address_string");
		String addressId = one(p, "address_id");
		if ((lat == null || lng == null) && address == null && addressId == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST,
					"a location is required: lat and long, or address_string, or address_id");
		}
		if ((lat == null) != (lng == null)) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "lat and long must be given together");
		}
		if (address == null && addressId != null) {
			address = "address_id " + addressId;
		}
		String description = one(p, "description");
		if (description != null && description.length() > 4000) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "description is longer than 4000 characters");
		}
		Map<String, List<String>> attributes = attributes(p);
		List<AttachmentInput> media = new ArrayList<>();
		String mediaUrl = one(p, "media_url");
		if (mediaUrl != null) {
			if (!mediaUrl.matches("https?://\\S{1,2040}")) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "media_url must be an http(s) URL");
			}
			media.add(new AttachmentInput(mediaUrl, null, null));
		}
		String name = join(one(p, "last_name"), one(p, "first_name"));
		Intake.Result result = cases.intake(caller, new Intake(Channel.INTEGRATOR, category.code(), null,
				category.name(), description == null ? category.name() : description, lat, lng, address, null, null,
				null, name, one(p, "phone"), media, attributes, null));
		CaseView view = result.view();
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("service_request_id", view.number());
		item.put("token", tokenOf(view));
		item.put("service_notice", "已受理，编号 " + view.number() + "，将于 "
				+ view.deadlineAt().withOffsetSameInstant(Open311Writer.CHINA).format(Open311Writer.W3C) + " 前办结");
		item.put("account_id", null);
		return writer.write(HttpStatus.OK, f, "service_requests", "request", List.of(item));
	}

	@GetMapping("/requests.{format}")
	@Operation(summary = "Query service requests",
			description = "service_request_id (comma-separated; other filters then ignored), service_code, "
					+ "start_date, end_date (at most 90 days; default the last 90 days), status (open, closed, or "
					+ "FixMyStreet extended statuses), extensions=true. At most 1000 results, newest first.")
	ResponseEntity<byte[]> requests(Caller caller, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = format(format);
		MultiValueMap<String, String> p = FormParameters.of(request);
		jurisdiction(caller, p);
		requireReader(caller);
		boolean publicOnly = caller.isAnonymous();
		List<String> ids = list(p, "service_request_id");
		List<CaseView> found;
		if (ids != null) {
			if (ids.size() > MAX_RESULTS) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "at most 1000 service_request_id values");
			}
			found = cases.open311Requests(caller, ids, null, null, null, null, publicOnly, MAX_RESULTS);
		}
		else {
			OffsetDateTime end = date(p, "end_date");
			OffsetDateTime start = date(p, "start_date");
			if (end == null) {
				end = start == null ? OffsetDateTime.now(ZoneOffset.UTC) : start.plus(MAX_SPAN);
			}
			if (start == null) {
				start = end.minus(MAX_SPAN);
			}
			if (start.isAfter(end)) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date is after end_date");
			}
			if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date and end_date may span at most 90 days");
			}
			found = cases.open311Requests(caller, null, list(p, "service_code"), statuses(list(p, "status")), start,
					end, publicOnly, MAX_RESULTS);
		}
		return writer.write(HttpStatus.OK, f, "service_requests", "request",
				requestItems(caller, found, "true".equalsIgnoreCase(one(p, "extensions"))));
	}

	@GetMapping("/requests/{id}.{format}")
	@Operation(summary = "One service request")
	ResponseEntity<byte[]> request(Caller caller, @PathVariable String id, @PathVariable String format,
			HttpServletRequest request) {
		Open311Format f = format(format);
		MultiValueMap<String, String> p = FormParameters.of(request);
		jurisdiction(caller, p);
		requireReader(caller);
		CaseView view = cases.findForOpen311(caller, id, caller.isAnonymous())
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
		return writer.write(HttpStatus.OK, f, "service_requests", "request",
				requestItems(caller, List.of(view), "true".equalsIgnoreCase(one(p, "extensions"))));
	}

	@GetMapping("/tokens/{token}.{format}")
	@Operation(summary = "The service request a token stands for")
	ResponseEntity<byte[]> token(Caller caller, @PathVariable String token, @PathVariable String format,
			HttpServletRequest request) {
		Open311Format f = format(format);
		jurisdiction(caller, FormParameters.of(request));
		requireReader(caller);
		CaseView view = cases.findByToken(caller, token)
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "token " + token + " not found"));
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("service_request_id", view.number());
		item.put("token", token);
		return writer.write(HttpStatus.OK, f, "service_requests", "request", List.of(item));
	}

	// ---- FixMyStreet: service request updates -------------------------------------------------------------

	@GetMapping("/servicerequestupdates.{format}")
	@Operation(summary = "Updates to service requests (FixMyStreet extension)",
			description = "start_date, end_date (at most 90 days; default the last 24 hours); status is the "
					+ "FixMyStreet extended status after the update.")
	ResponseEntity<byte[]> updates(Caller caller, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = format(format);
		MultiValueMap<String, String> p = FormParameters.of(request);
		jurisdiction(caller, p);
		requireReader(caller);
		OffsetDateTime end = date(p, "end_date");
		OffsetDateTime start = date(p, "start_date");
		if (end == null) {
			end = OffsetDateTime.now(ZoneOffset.UTC);
		}
		if (start == null) {
			start = end.minusHours(24);
		}
		if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date and end_date must span 0 to 90 days");
		}
		boolean anonymous = caller.isAnonymous();
		List<Map<String, Object>> items = new ArrayList<>();
		for (CaseService.NumberedEvent e : cases.updates(start, end, anonymous, MAX_RESULTS)) {
			if (anonymous && e.event().toStatus() == null && !"ESCALATED".equals(e.event().type())) {
				continue;
			}
			Map<String, Object> u = new LinkedHashMap<>();
			u.put("update_id", e.event().id().toString());
			u.put("service_request_id", e.number());
			u.put("status", fmsStatus(e.statusAt(), e.modeAt()).toUpperCase(Locale.ROOT));
			u.put("updated_datetime", e.event().at());
			u.put("description", anonymous || e.event().note() == null ? standardText(e.event().type())
					: e.event().note());
			u.put("media_url", null);
			items.add(u);
		}
		return writer.write(HttpStatus.OK, f, "service_request_updates", "request_update", items);
	}

	@PostMapping("/servicerequestupdates.{format}")
	@Operation(summary = "Post an update (a note) to a service request (FixMyStreet extension)")
	ResponseEntity<byte[]> postUpdate(Caller caller, @PathVariable String format, HttpServletRequest request) {
		Open311Format f = format(format);
		MultiValueMap<String, String> p = FormParameters.of(request);
		jurisdiction(caller, p);
		if (caller.isAnonymous()) {
			throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key was not provided or is not valid");
		}
		String id = one(p, "service_request_id");
		String description = one(p, "description");
		if (id == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_request_id was not provided");
		}
		if (description == null) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "description was not provided");
		}
		if (description.length() > 2000) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, "description is longer than 2000 characters");
		}
		CaseView view = cases.findForOpen311(caller, id, false)
			.orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found"));
		String author = join(one(p, "last_name"), one(p, "first_name"));
		var event = cases.note(caller, view.id(), new Steps.Note(author == null ? description : author + "：" + description));
		String mediaUrl = one(p, "media_url");
		if (mediaUrl != null && mediaUrl.matches("https?://\\S{1,2040}")) {
			cases.attach(caller, view.id(), new Steps.Attachments(List.of(new AttachmentInput(mediaUrl, null, null))));
		}
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("update_id", event.id().toString());
		return writer.write(HttpStatus.OK, f, "service_request_updates", "request_update", List.of(item));
	}

	// ---- mapping ------------------------------------------------------------------------------------------

	private List<Map<String, Object>> requestItems(Caller caller, List<CaseView> found, boolean extensions) {
		boolean anonymous = caller.isAnonymous();
		Map<UUID, String> media = anonymous ? Map.of() : cases.firstMedia(found.stream().map(CaseView::id).toList());
		List<Map<String, Object>> items = new ArrayList<>();
		for (CaseView c : found) {
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("service_request_id", c.number());
			r.put("status", c.status().open() ? "open" : "closed");
			r.put("status_notes", anonymous ? null : c.ratingComment());
			r.put("service_name", c.category().name());
			r.put("service_code", c.category().code());
			r.put("description", anonymous ? null : c.description());
			r.put("agency_responsible", c.dispatch() == null ? null : c.dispatch().department());
			r.put("service_notice", null);
			r.put("requested_datetime", c.reportedAt());
			r.put("updated_datetime", c.updatedAt());
			r.put("expected_datetime", c.deadlineAt());
			r.put("address", anonymous ? null : c.address());
			r.put("address_id", null);
			r.put("zipcode", null);
			r.put("lat", c.location() == null ? null : anonymous ? round(c.location().lat()) : c.location().lat());
			r.put("long", c.location() == null ? null : anonymous ? round(c.location().lng()) : c.location().lng());
			r.put("media_url", media.get(c.id()));
			if (extensions) {
				Map<String, Object> x = new LinkedHashMap<>();
				x.put("status", fmsStatus(c.status(), c.dispatch() == null ? null : c.dispatch().mode()));
				x.put("detailed_status", c.status().name());
				x.put("priority", c.priority().name());
				x.put("queue_level", c.queueLevel());
				x.put("escalation_level", c.escalationLevel());
				x.put("channel", c.channel().name());
				x.put("rating", anonymous ? null : c.rating());
				r.put("extended_attributes", x);
			}
			items.add(r);
		}
		return items;
	}

	/** FixMyStreet's extended states for our workflow. */
	static String fmsStatus(CaseStatus status, DispatchMode mode) {
		if (status == null) {
			return "open";
		}
		return switch (status) {
			case REPORTED -> "open";
			case ACCEPTED -> "investigating";
			case DISPATCHED -> mode == DispatchMode.ROUTE_TO_DEPARTMENT ? "internal_referral"
					: mode == DispatchMode.COORDINATION ? "action_scheduled" : "in_progress";
			case RESOLVED, FEEDBACK, EVALUATED -> "fixed";
			case CLOSED -> "closed";
		};
	}

	private static String standardText(String type) {
		return switch (type) {
			case "REPORTED" -> "已受理登记 / reported";
			case "ACCEPTED" -> "已受理研判 / accepted";
			case "DISPATCHED" -> "已派单处置 / dispatched";
			case "RESOLVED" -> "已办结 / resolved";
			case "FEEDBACK" -> "已反馈反映人 / reporter informed";
			case "EVALUATED" -> "已评价 / evaluated";
			case "CLOSED" -> "已销号 / closed";
			case "REOPENED" -> "评价不满意，重新办理 / reopened";
			case "ESCALATED" -> "逾期升级处理 / escalated";
			default -> "处理进展 / update";
		};
	}

	/** Open311 status filter values to our statuses. */
	static List<CaseStatus> statuses(List<String> values) {
		if (values == null) {
			return null;
		}
		Set<CaseStatus> out = new LinkedHashSet<>();
		for (String value : values) {
			switch (value.toLowerCase(Locale.ROOT)) {
				case "open" -> out.addAll(List.of(CaseStatus.REPORTED, CaseStatus.ACCEPTED, CaseStatus.DISPATCHED));
				case "closed" -> out.addAll(List.of(CaseStatus.RESOLVED, CaseStatus.FEEDBACK, CaseStatus.EVALUATED,
						CaseStatus.CLOSED));
				case "investigating" -> out.add(CaseStatus.ACCEPTED);
				case "in_progress", "action_scheduled", "internal_referral" -> out.add(CaseStatus.DISPATCHED);
				case "fixed" -> out.addAll(List.of(CaseStatus.RESOLVED, CaseStatus.FEEDBACK, CaseStatus.EVALUATED));
				default -> throw new Open311Exception(HttpStatus.BAD_REQUEST, "unknown status '" + value + "'");
			}
		}
		return new ArrayList<>(out);
	}

	private static Map<String, List<String>> attributes(MultiValueMap<String, String> p) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> entry : p.entrySet()) {
			String key = entry.getKey();
			if (!key.startsWith("attribute[")) {
				continue;
			}
			int close = key.indexOf(']');
			if (close < 0) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST, "malformed attribute parameter '" + key + "'");
			}
			String code = key.substring("attribute[".length(), close);
			out.computeIfAbsent(code, k -> new ArrayList<>()).addAll(entry.getValue());
		}
		return out;
	}

	private static String tokenOf(CaseView view) {
		return view.id().toString();
	}

	private void requireReader(Caller caller) {
		if ("integrator".equals(caller.kind()) && !caller.scopes().contains("cases:read")
				&& !caller.scopes().contains("cases:write")) {
			throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key does not allow reading requests (cases:read)");
		}
		if (!caller.isAnonymous() && !"integrator".equals(caller.kind())
				&& !caller.hasAnyRole(org.grassroots.grid.support.Access.CASE_STAFF) && !caller.hasRole(Roles.AUDITOR)) {
			throw new Open311Exception(HttpStatus.FORBIDDEN, "not allowed to read service requests");
		}
	}

	/** {@code jurisdiction_id} must be the caller's district when given (anonymous callers always give it). */
	private static void jurisdiction(Caller caller, MultiValueMap<String, String> p) {
		String jurisdiction = one(p, "jurisdiction_id");
		if (caller.tenant() == null) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "jurisdiction_id not found");
		}
		if (jurisdiction != null && !jurisdiction.equals(caller.tenant())) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "jurisdiction_id " + jurisdiction + " not found");
		}
	}

	private static Open311Format format(String extension) {
		Open311Format format = Open311Format.of(extension);
		if (format == null) {
			throw new Open311Exception(HttpStatus.NOT_FOUND, "format '" + extension + "' is not supported: use json or xml");
		}
		return format;
	}

	private static String one(MultiValueMap<String, String> p, String name) {
		String value = p.getFirst(name);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static List<String> list(MultiValueMap<String, String> p, String name) {
		String value = one(p, name);
		if (value == null) {
			return null;
		}
		List<String> out = new ArrayList<>();
		for (String part : value.split(",")) {
			if (!part.isBlank()) {
				out.add(part.strip());
			}
		}
		return out.isEmpty() ? null : out;
	}

	private static Double number(MultiValueMap<String, String> p, String name) {
		String value = one(p, name);
		if (value == null) {
			return null;
		}
		try {
			double d = Double.parseDouble(value);
			if (!Double.isFinite(d)) {
				throw new NumberFormatException();
			}
			return d;
		}
		catch (NumberFormatException ex) {
			throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " is not a number");
		}
	}

	/** W3C date-time (with offset), or a date (the start of that day in China). */
	static OffsetDateTime date(MultiValueMap<String, String> p, String name) {
		String value = one(p, name);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.replace(' ', '+'));
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDate.parse(value).atStartOfDay().atOffset(Open311Writer.CHINA);
			}
			catch (DateTimeParseException again) {
				throw new Open311Exception(HttpStatus.BAD_REQUEST,
						name + " must be a W3C date-time with a time zone, e.g. 2026-11-21T08:00:00+08:00");
			}
		}
	}

	private static double round(double coordinate) {
		return Math.round(coordinate * 1000) / 1000.0;
	}

	private static String join(String last, String first) {
		if (last == null && first == null) {
			return null;
		}
		return (last == null ? "" : last) + (first == null ? "" : first);
	}

	private static String baseUrl(HttpServletRequest request) {
		String forwardedHost = request.getHeader("X-Forwarded-Host");
		String scheme = Optional.ofNullable(request.getHeader("X-Forwarded-Proto")).orElse(request.getScheme());
		String host = forwardedHost != null ? forwardedHost : request.getServerName() + ":" + request.getServerPort();
		return scheme + "://" + host + "/open311/v2";
	}
}
