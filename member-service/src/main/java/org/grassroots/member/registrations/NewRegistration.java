package org.grassroots.member.registrations;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Registration at a community; {@code memberId} may be omitted when members register themselves. */
public record NewRegistration(UUID memberId, @NotNull @Size(max = 200) String community,
		@Size(max = 500) String note) {
}
