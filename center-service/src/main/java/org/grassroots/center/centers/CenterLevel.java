package org.grassroots.center.centers;

/** The level of a center in the service network, and the depth of region path it must sit at. */
public enum CenterLevel {

	/** 区/县级党群服务中心: region = the district. */
	DISTRICT(1, 1),
	/** 街道/镇级: region = a street. */
	STREET(2, 2),
	/** 社区/村级: region = a community or village. */
	COMMUNITY(3, 3),
	/** 小区（网格）党群服务站: at or below a community. */
	COMPOUND_STATION(3, 7),
	/** 区域性党群服务中心 in parks, office buildings, business districts: anywhere in the district. */
	REGIONAL(1, 7),
	/** 先锋驿站 for riders and couriers, often hosted by a bank branch, shop or telecom outlet. */
	PIONEER_STATION(1, 7);

	private final int minDepth;

	private final int maxDepth;

	CenterLevel(int minDepth, int maxDepth) {
		this.minDepth = minDepth;
		this.maxDepth = maxDepth;
	}

	public boolean fitsDepth(int depth) {
		return depth >= minDepth && depth <= maxDepth;
	}
}
