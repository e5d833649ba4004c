package org.grassroots.defaults.events;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.grassroots.defaults.testapp.DefaultsTestBase;
import org.grassroots.defaults.testapp.TestApplication.RecordingHandler;
import org.grassroots.testsupport.TestHttp.Response;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox relay publishes committed events; consumers apply each event id once, and park poison. */
class OutboxAndConsumerTest extends DefaultsTestBase {

	@Autowired
	RecordingHandler handler;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void aCommittedChangeIsPublishedWithItsTenantAndHandledOnce() {
		String id = UUID.randomUUID().toString();
		Response created = http.post("/api/v1/test/things")
			.bearer(TestTokens.person("441702", "u", "441702", "TENANT_ADMIN"))
			.json("{\"id\":\"" + id + "\",\"name\":\"路灯\"}")
			.send();
		assertThat(created.status()).isEqualTo(200);
		UUID eventId = UUID.fromString(created.json("$.eventId"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> handler.handled.stream().anyMatch(e -> e.id().equals(eventId)));
		EventEnvelope event = handler.handled.stream().filter(e -> e.id().equals(eventId)).findFirst().orElseThrow();
		assertThat(event.tenant()).isEqualTo("441702");
		assertThat(event.type()).isEqualTo("thing.created");
		assertThat(event.source()).isEqualTo("defaults-test");
		assertThat(event.subject()).isEqualTo(id);
		assertThat(event.data()).contains("路灯");

		// the same event delivered again (a relay that crashed before marking it published) has no second effect
		redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.of("defaults-test")).ofMap(Map.of(
				"id", eventId.toString(), "source", "defaults-test", "type", "thing.created", "subject", id,
				"time", event.time().toString(), "tenant", "441702", "data", event.data())));
		String marker = publishDirectly("thing.marker");
		await().atMost(Duration.ofSeconds(10)).until(() -> handledIds().contains(marker));
		assertThat(handler.handled.stream().filter(e -> e.id().equals(eventId))).hasSize(1);
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		String id = UUID.randomUUID().toString();
		var token = TestTokens.person("441702", "u", "441702", "TENANT_ADMIN");
		http.post("/api/v1/test/things").bearer(token).json("{\"id\":\"" + id + "\",\"name\":\"a\"}").send();
		Response duplicate = http.post("/api/v1/test/things").bearer(token).json("{\"id\":\"" + id + "\",\"name\":\"b\"}").send();
		assertThat(duplicate.status()).isEqualTo(409);
		String marker = publishDirectly("thing.marker");
		await().atMost(Duration.ofSeconds(10)).until(() -> handledIds().contains(marker));
		assertThat(handler.handled.stream().filter(e -> id.equals(e.subject()))).hasSize(1);
	}

	@Test
	void aPoisonEventIsRetriedThenParkedInTheDeadLetterStream() {
		String poison = publishDirectly("thing.poison");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> redis.opsForStream()
				.range(EventStreams.DEAD_LETTERS, org.springframework.data.domain.Range.unbounded())
				.stream()
				.anyMatch(r -> poison.equals(r.getValue().get("id"))));
		String after = publishDirectly("thing.marker");
		await().atMost(Duration.ofSeconds(10)).until(() -> handledIds().contains(after));
	}

	private String publishDirectly(String type) {
		String id = UUID.randomUUID().toString();
		redis.opsForStream().add(StreamRecords.newRecord().in(EventStreams.of("defaults-test")).ofMap(Map.of("id", id,
				"source", "test", "type", type, "subject", "", "time", "2026-11-21T10:00:00Z", "tenant", "441702",
				"data", "{}")));
		return id;
	}

	private java.util.List<String> handledIds() {
		return handler.handled.stream().map(e -> e.id().toString()).toList();
	}
}
