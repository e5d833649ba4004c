package org.grassroots.gateway.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.grassroots.gateway.GatewayIntegrationTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

@Order(3)
class TenantAdminIntegrationTests extends GatewayIntegrationTest {

	@Test
	void operatorOnboardsADistrictOnce() {
		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "441702", "name", "江城区", "settings", Map.of("starThresholds", List.of(60, 75, 90))))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/api/v1/platform/tenants/441702")
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"1\"")
			.expectBody()
			.jsonPath("$.code").isEqualTo("441702")
			.jsonPath("$.status").isEqualTo("ACTIVE")
			.jsonPath("$.settings.timeZone").isEqualTo("Asia/Shanghai")
			.jsonPath("$.settings.starThresholds[2]").isEqualTo(90)
			.jsonPath("$.createdAt").exists();

		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "441702", "name", "重复"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code").isEqualTo("tenant-exists")
			.jsonPath("$.detail").isEqualTo("区县代码 441702 已被登记。");
	}

	@Test
	void codeAndNameAreValidated() {
		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "12345a", "settings", Map.of("timeZone", "Mars/Olympus")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code").isEqualTo("validation")
			.jsonPath("$.errors[?(@.field == 'code')].message").isEqualTo(List.of("须为 6 位数字的行政区划代码（GB/T 2260）"))
			.jsonPath("$.errors[?(@.field == 'name')]").exists();

		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("code", "441703", "name", "阳东区", "settings", Map.of("timeZone", "Mars/Olympus")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field").isEqualTo("settings.timeZone");

		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("code=441704")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.code").isEqualTo("unsupported-media-type");

		client().post()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[1, 2")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code").isEqualTo("malformed-body");

		client().delete()
			.uri("/api/v1/platform/tenants/441702")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.exists(HttpHeaders.ALLOW)
			.expectBody()
			.jsonPath("$.code").isEqualTo("method-not-allowed");
	}

	@Test
	void listPagesWithACursor() {
		for (String code : List.of("450101", "450102", "450103", "450104", "450105")) {
			ensureTenant(code, "南宁 " + code);
		}
		List<String> codes = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String uri = "/api/v1/platform/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
			Map<?, ?> page = client().get()
				.uri(uri)
				.headers(h -> h.setBearerAuth(operatorToken()))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			List<?> items = (List<?>) page.get("items");
			assertThat(items).hasSizeLessThanOrEqualTo(2);
			items.forEach(item -> codes.add((String) ((Map<?, ?>) item).get("code")));
			cursor = (String) page.get("nextCursor");
			pages++;
		}
		while (cursor != null && pages < 100);
		assertThat(codes).containsSubsequence("450101", "450102", "450103", "450104", "450105");
		assertThat(codes).isSorted().doesNotHaveDuplicates();

		client().get()
			.uri("/api/v1/platform/tenants?limit=101")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.expectStatus()
			.isBadRequest();
		client().get()
			.uri("/api/v1/platform/tenants?cursor=%%%")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void updatesNeedTheCurrentETag() {
		ensureTenant("460105", "秀英区");
		String etag = client().get()
			.uri("/api/v1/platform/tenants/460105")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Map.class)
			.getResponseHeaders()
			.getETag();

		client().patch()
			.uri("/api/v1/platform/tenants/460105")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "秀英"))
			.exchange()
			.expectStatus()
			.isEqualTo(428);

		client().patch()
			.uri("/api/v1/platform/tenants/460105")
			.headers(h -> {
				h.setBearerAuth(operatorToken());
				h.setIfMatch("\"999\"");
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "秀英"))
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.code").isEqualTo("precondition-failed");

		String next = client().patch()
			.uri("/api/v1/platform/tenants/460105")
			.headers(h -> {
				h.setBearerAuth(operatorToken());
				h.setIfMatch(etag);
			})
			.contentType(MediaType.valueOf("application/merge-patch+json"))
			.bodyValue(Map.of("name", "秀英区（新）", "settings", Map.of("reviewDays", 7)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.name").isEqualTo("秀英区（新）")
			.jsonPath("$.settings.timeZone").isEqualTo("Asia/Shanghai")
			.jsonPath("$.settings.reviewDays").isEqualTo(7)
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(next).isNotEqualTo(etag);

		// the old ETag is stale now: no lost update
		client().patch()
			.uri("/api/v1/platform/tenants/460105")
			.headers(h -> {
				h.setBearerAuth(operatorToken());
				h.setIfMatch(etag);
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "SUSPENDED"))
			.exchange()
			.expectStatus()
			.isEqualTo(412);

		client().get()
			.uri("/api/v1/platform/tenants/000000")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail").isEqualTo("区县 000000 不存在。");
	}

	@Test
	void suspendingADistrictLocksOutItsPeopleAtOnce() {
		ensureTenant("460106", "龙华区");
		String token = personToken("resident-1", "460106", "460106", "RESIDENT");
		client().get().uri("/api/v1/wishes").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		String etag = client().get()
			.uri("/api/v1/platform/tenants/460106")
			.headers(h -> h.setBearerAuth(operatorToken()))
			.exchange()
			.returnResult(Map.class)
			.getResponseHeaders()
			.getETag();
		client().patch()
			.uri("/api/v1/platform/tenants/460106")
			.headers(h -> {
				h.setBearerAuth(operatorToken());
				h.setIfMatch(etag);
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("status", "SUSPENDED"))
			.exchange()
			.expectStatus()
			.isOk();
		client().get().uri("/api/v1/wishes").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isForbidden();
	}

	@Test
	void onlyPlatformOperatorsManageDistricts() {
		ensureTenant("460107", "美兰区");
		client().get()
			.uri("/api/v1/platform/tenants")
			.headers(h -> h.setBearerAuth(adminToken("460107")))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail").isEqualTo("此操作需要角色 PLATFORM_OPERATOR。");
		client().get().uri("/api/v1/platform/tenants").exchange().expectStatus().isUnauthorized();
	}

}
