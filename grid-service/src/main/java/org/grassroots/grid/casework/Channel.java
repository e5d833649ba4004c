package org.grassroots.grid.casework;

/** How a case came in: app snapshot (随手拍), hotline, patrol finding, home visit, or an integrator (e.g. 12345). */
public enum Channel {

	APP, HOTLINE, PATROL, VISIT, INTEGRATOR

}
