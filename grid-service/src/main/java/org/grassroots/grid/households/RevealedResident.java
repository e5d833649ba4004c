package org.grassroots.grid.households;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Plaintext personal data of one resident, as read (and audited) for a stated purpose. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevealedResident(UUID id, String name, String idNumber, String phone, String purpose) {
}
