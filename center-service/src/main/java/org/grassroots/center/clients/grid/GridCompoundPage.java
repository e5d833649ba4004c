package org.grassroots.center.clients.grid;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of grid-service's compound list; {@code nextCursor} is absent on the last page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GridCompoundPage(List<GridCompound> items, String nextCursor) {
}
