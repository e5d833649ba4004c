package org.grassroots.defaults.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.grassroots.defaults.events.EventEnvelope;
import org.grassroots.defaults.events.EventHandler;
import org.grassroots.defaults.events.EventStreams;
import org.grassroots.defaults.events.Outbox;
import org.grassroots.defaults.problem.DownstreamUnavailableException;
import org.grassroots.defaults.security.Caller;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on service-defaults, for testing the defaults themselves. */
@SpringBootApplication
@EnableFeignClients(clients = TestApplication.EchoClient.class)
public class TestApplication {

	public record Thing(String id, String name) {
	}

	/** A provider client as a domain service would declare one. */
	@FeignClient(name = "echo", url = "${grassroots.clients.echo.url}", fallbackFactory = EchoFallback.class)
	public interface EchoClient {

		@GetMapping("/things/{id}")
		List<Thing> find(@PathVariable("id") String id);

		@PostMapping("/things")
		Thing create(@RequestBody Thing thing);
	}

	/** Reads degrade to an empty answer; writes fail clearly. */
	@Component
	static class EchoFallback implements FallbackFactory<EchoClient> {

		@Override
		public EchoClient create(Throwable cause) {
			return new EchoClient() {
				@Override
				public List<Thing> find(String id) {
					return List.of();
				}

				@Override
				public Thing create(Thing thing) {
					throw new DownstreamUnavailableException("echo", cause);
				}
			};
		}
	}

	@RestController
	static class ThingController {

		private final EchoClient echo;

		private final JdbcClient jdbc;

		private final Outbox outbox;

		ThingController(EchoClient echo, JdbcClient jdbc, Outbox outbox) {
			this.echo = echo;
			this.jdbc = jdbc;
			this.outbox = outbox;
		}

		@GetMapping("/api/v1/test/remote/{id}")
		List<Thing> remote(Caller caller, @PathVariable String id) {
			return echo.find(id);
		}

		@PostMapping("/api/v1/test/remote")
		Thing remoteCreate(Caller caller, @RequestBody Thing thing) {
			return echo.create(thing);
		}

		@PostMapping("/api/v1/test/things")
		@Transactional
		public Map<String, Object> create(Caller caller, @RequestBody Thing thing) {
			jdbc.sql("insert into thing (id, tenant_id, name) values (:id, :tenant, :name)")
				.param("id", thing.id())
				.param("tenant", caller.tenant())
				.param("name", thing.name())
				.update();
			var eventId = outbox.append("thing.created", thing.id(), thing);
			return Map.of("eventId", eventId.toString());
		}
	}

	/** Records what it handled; fails on purpose for events of type {@code thing.poison}. */
	public static class RecordingHandler implements EventHandler {

		public final List<EventEnvelope> handled = new CopyOnWriteArrayList<>();

		@Override
		public String group() {
			return "defaults-test.recorder";
		}

		@Override
		public String stream() {
			return EventStreams.of("defaults-test");
		}

		@Override
		public void handle(EventEnvelope event) {
			if (event.type().equals("thing.poison")) {
				throw new IllegalStateException("poison");
			}
			handled.add(event);
		}
	}

	@Bean
	RecordingHandler recordingHandler() {
		return new RecordingHandler();
	}
}
