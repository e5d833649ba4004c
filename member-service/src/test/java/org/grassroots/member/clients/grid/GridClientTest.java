package org.grassroots.member.clients.grid;

import java.util.List;
import java.util.UUID;

import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.problem.DownstreamUnavailableException;
import org.grassroots.member.MemberServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grid-service client against WireMock: the contract's shapes, 404 as an answer, chunking, failures. */
class GridClientTest extends MemberServiceTestBase {

	@Autowired
	GridClient client;

	@Autowired
	GridHouseholds households;

	@Test
	void readsOneHouseholdAndTakes404AsAnAnswer() {
		UUID id = UUID.randomUUID();
		UUID grid = UUID.randomUUID();
		GRID.stubFor(get("/api/v1/households/" + id).willReturn(okJson("{\"id\":\"" + id + "\",\"gridId\":\"" + grid
				+ "\",\"region\":\"" + COMMUNITY + "\",\"compoundId\":null,\"buildingId\":null}")));
		GRID.stubFor(get("/api/v1/households/" + grid).willReturn(notFound()));
		assertThat(client.household(id)).get().satisfies(h -> {
			assertThat(h.gridId()).isEqualTo(grid);
			assertThat(h.region()).isEqualTo(COMMUNITY);
		});
		assertThat(client.household(grid)).isEmpty();

		GRID.stubFor(get("/api/v1/households/" + id).willReturn(aResponse().withStatus(503)));
		assertThatThrownBy(() -> client.household(id)).isInstanceOf(DownstreamUnavailableException.class);
		GRID.verify(2, getRequestedFor(urlEqualTo("/api/v1/households/" + id)));
	}

	@Test
	void validatesInChunksOfAThousandAndTrustsOnlyWhatWasAsked() {
		List<UUID> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 2250; i++) {
			ids.add(UUID.randomUUID());
		}
		UUID stranger = UUID.randomUUID();
		StringBuilder found = new StringBuilder("{\"id\":\"" + stranger + "\",\"region\":\"" + COMMUNITY + "\"}");
		for (UUID id : ids.subList(0, 2249)) {
			found.append(",{\"id\":\"").append(id).append("\",\"region\":\"").append(COMMUNITY).append("\"}");
		}
		GRID.stubFor(post("/api/v1/households/lookup").willReturn(okJson("{\"found\":[" + found + "],\"missing\":[]}")));
		GridHouseholds.Validation validation = households.validate(ids);
		assertThat(validation.regions()).hasSize(2249).doesNotContainKey(stranger);
		assertThat(validation.missing()).containsExactly(ids.get(2249));
		GRID.verify(3, postRequestedFor(urlEqualTo("/api/v1/households/lookup")));

		GRID.stubFor(post("/api/v1/households/lookup").willReturn(aResponse().withStatus(400)));
		assertThatThrownBy(() -> households.validate(ids.subList(0, 1))).isInstanceOf(DomainProblem.class)
			.satisfies(ex -> assertThat(((DomainProblem) ex).code()).isEqualTo("household-validation-rejected"));
	}
}
