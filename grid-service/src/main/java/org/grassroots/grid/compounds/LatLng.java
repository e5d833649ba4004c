package org.grassroots.grid.compounds;

import jakarta.validation.constraints.NotNull;

/** A WGS84 point. */
public record LatLng(@NotNull Double lat, @NotNull Double lng) {
}
