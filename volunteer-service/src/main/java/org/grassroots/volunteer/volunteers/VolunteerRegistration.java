package org.grassroots.volunteer.volunteers;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A request to register a volunteer. */
public record VolunteerRegistration(@NotBlank @Size(max = 50) String name, @NotNull @Size(max = 120) String region,
		@Size(max = 20) List<@NotBlank @Size(max = 20) String> skills) {
}
