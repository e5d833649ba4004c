package org.grassroots.grid.households;

import jakarta.validation.constraints.Size;

/**
 * Find residents by exact ID number or phone (through the blind index; the values travel in the body, never in a
 * URL that access logs keep).
 */
public record ResidentSearch(@Size(max = 20) String idNumber, @Size(max = 20) String phone) {
}
