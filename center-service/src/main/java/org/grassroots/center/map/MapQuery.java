package org.grassroots.center.map;

import org.grassroots.center.centers.CenterLevel;

/** Filters of a map query; null means "any". */
public record MapQuery(CenterLevel level, String serviceItem, Boolean openNow, Integer minStars) {
}
