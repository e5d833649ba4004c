package org.grassroots.defaults.web;

import java.util.List;

import org.grassroots.defaults.problem.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorAndETagsTest {

	@Test
	void cursorsRoundTripAndRejectGarbage() {
		assertThat(Cursor.decode(Cursor.encode("2026-11-21T10:00:00Z|abc"))).isEqualTo("2026-11-21T10:00:00Z|abc");
		assertThat(Cursor.decode(null)).isNull();
		assertThatThrownBy(() -> Cursor.decode("@@@")).isInstanceOf(DomainProblem.class);
	}

	@Test
	void limitsAreBounded() {
		assertThat(Cursor.limit(null)).isEqualTo(Cursor.DEFAULT_LIMIT);
		assertThat(Cursor.limit(100)).isEqualTo(100);
		assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(DomainProblem.class);
		assertThatThrownBy(() -> Cursor.limit(101)).isInstanceOf(DomainProblem.class);
	}

	@Test
	void aPageKnowsWhetherMoreFollow() {
		Page<String> last = Page.of(List.of("a", "b"), 2, s -> s);
		assertThat(last.nextCursor()).isNull();
		Page<String> more = Page.of(List.of("a", "b", "c"), 2, s -> s);
		assertThat(more.items()).containsExactly("a", "b");
		assertThat(Cursor.decode(more.nextCursor())).isEqualTo("b");
	}

	@Test
	void ifMatchCarriesTheVersion() {
		assertThat(ETags.requireMatch(ETags.of(7))).isEqualTo(7);
		assertThat(ETags.requireMatch("W/\"8\"")).isEqualTo(8);
		assertThatThrownBy(() -> ETags.requireMatch(null)).extracting(e -> ((DomainProblem) e).status().value())
			.isEqualTo(428);
		assertThatThrownBy(() -> ETags.requireMatch("\"x\"")).extracting(e -> ((DomainProblem) e).status().value())
			.isEqualTo(412);
	}
}
