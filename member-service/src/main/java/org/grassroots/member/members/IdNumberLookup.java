package org.grassroots.member.members;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Exact lookup by ID number (a POST, so the number never appears in URLs or access logs). */
public record IdNumberLookup(@NotBlank @Size(max = 30) String idNumber) {
}
