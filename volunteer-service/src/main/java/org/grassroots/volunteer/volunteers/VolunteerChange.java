package org.grassroots.volunteer.volunteers;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update; absent fields stay as they are. */
public record VolunteerChange(@Pattern(regexp = ".*\\S.*") @Size(max = 50) String name,
		@Size(max = 20) List<@Size(min = 1, max = 20) String> skills, VolunteerStatus status) {
}
