package org.grassroots.member.households;

import jakarta.validation.constraints.Size;

/** Ends a designation; its households are unlinked (and kept in the link history). */
public record Revocation(@Size(max = 500) String reason) {
}
