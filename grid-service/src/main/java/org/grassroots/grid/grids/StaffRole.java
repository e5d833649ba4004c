package org.grassroots.grid.grids;

/** Grid staff: one head (网格长), one instructor (网格指导员), any number of workers (网格员). */
public enum StaffRole {

	HEAD, INSTRUCTOR, WORKER

}
