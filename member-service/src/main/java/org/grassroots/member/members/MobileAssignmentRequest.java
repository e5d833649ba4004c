package org.grassroots.member.members;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bring a mobile member under a mobile branch; {@code location} is where they now live or work. */
public record MobileAssignmentRequest(@NotNull UUID branchId, @Size(max = 100) String location) {
}
