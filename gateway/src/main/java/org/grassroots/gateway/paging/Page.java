package org.grassroots.gateway.paging;

import java.util.List;

/**
 * One page of a list: the items and an opaque cursor for the next page ({@code null} on the last page).
 */
public record Page<T>(List<T> items, String nextCursor) {

}
