package org.grassroots.grid.casework;

/** 马上办 handle now (a grid worker) / 归口办 route to the responsible department / 多方协调 multi-party coordination. */
public enum DispatchMode {

	HANDLE_NOW, ROUTE_TO_DEPARTMENT, COORDINATION

}
