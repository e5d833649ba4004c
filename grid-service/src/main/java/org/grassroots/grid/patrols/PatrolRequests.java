package org.grassroots.grid.patrols;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.grassroots.grid.casework.AttachmentInput;
import org.grassroots.grid.casework.Priority;

/** Bodies of the patrol endpoints. */
public final class PatrolRequests {

	private PatrolRequests() {
	}

	/** Start patrolling a grid. */
	public record Start(@NotNull UUID gridId, @Size(max = 2000) String note) {
	}

	/** Track points, in order (a batch per upload; at most 500). */
	public record Points(@NotEmpty @Size(max = 500) List<@Valid @NotNull Point> points) {
	}

	/** One track point. */
	public record Point(@NotNull Double lat, @NotNull Double lng, @NotNull OffsetDateTime at) {
	}

	/** Something found on the way: becomes a case (channel PATROL). */
	public record Finding(@NotBlank @Size(max = 40) String category, Priority priority, @Size(max = 100) String title,
			@NotBlank @Size(max = 4000) String description, Double lat, Double lng, @Size(max = 200) String address,
			UUID householdId, @Size(max = 9) List<@Valid @NotNull AttachmentInput> attachments,
			@Size(max = 30) Map<String, @Size(max = 500) String> attributes) {
	}

	/** End the patrol. */
	public record End(@Size(max = 2000) String note) {
	}
}
