package org.grassroots.grid.casework;

import java.util.List;

/**
 * The taxonomy every district starts with (it may change it afterwards): environment, public facilities (manholes,
 * elevators…), disputes, safety, livelihood demands, suggestions. Seeded on the district's first use.
 */
final class DefaultTaxonomy {

	private DefaultTaxonomy() {
	}

	private static CategoryAttribute.Value v(String key, String name) {
		return new CategoryAttribute.Value(key, name);
	}

	static final List<Category> CATEGORIES = List.of(
			new Category("env-garbage", "垃圾堆放", "environment", "环境卫生", "生活垃圾、建筑垃圾乱堆乱放，清运不及时",
					List.of("垃圾", "清运"), Priority.NORMAL, true, List.of(), true, 10),
			new Category("env-sewage", "污水外溢", "environment", "环境卫生", "下水道堵塞、污水外溢",
					List.of("污水", "下水道"), Priority.HIGH, true, List.of(), true, 11),
			new Category("env-noise", "噪声扰民", "environment", "环境卫生", "施工、商铺、广场舞等噪声",
					List.of("噪声", "噪音"), Priority.NORMAL, true, List.of(), true, 12),
			new Category("facility-manhole", "井盖缺失破损", "public-facilities", "公共设施", "窨井盖缺失、破损、松动",
					List.of("井盖", "窨井"), Priority.HIGH, true,
					List.of(new CategoryAttribute("manhole_state", "singlevaluelist", false, "井盖状况", 1,
							List.of(v("missing", "缺失"), v("broken", "破损"), v("loose", "松动、异响"))),
							new CategoryAttribute("on_roadway", "singlevaluelist", false, "是否位于机动车道", 2,
									List.of(v("yes", "是"), v("no", "否")))),
					true, 20),
			new Category("facility-elevator", "电梯故障", "public-facilities", "公共设施", "住宅电梯停运、困人、异响",
					List.of("电梯"), Priority.HIGH, true,
					List.of(new CategoryAttribute("people_trapped", "singlevaluelist", false, "是否有人被困", 1,
							List.of(v("yes", "有人被困"), v("no", "无人被困")))),
					true, 21),
			new Category("facility-streetlight", "路灯损坏", "public-facilities", "公共设施", "路灯不亮、灯杆倾斜",
					List.of("路灯"), Priority.NORMAL, true, List.of(), true, 22),
			new Category("facility-road", "道路破损", "public-facilities", "公共设施", "路面坑洼、人行道砖松动",
					List.of("道路", "坑洼"), Priority.NORMAL, true, List.of(), true, 23),
			new Category("dispute-neighbour", "邻里纠纷", "disputes", "矛盾纠纷", "相邻关系、漏水、噪声等邻里矛盾",
					List.of("纠纷", "邻里"), Priority.NORMAL, false, List.of(), true, 30),
			new Category("dispute-property", "物业纠纷", "disputes", "矛盾纠纷", "物业服务、收费纠纷",
					List.of("物业"), Priority.NORMAL, false, List.of(), true, 31),
			new Category("safety-fire-passage", "消防通道堵塞", "safety", "安全隐患", "消防通道被占用、堵塞",
					List.of("消防", "通道"), Priority.HIGH, true, List.of(), true, 40),
			new Category("safety-building", "房屋安全隐患", "safety", "安全隐患", "墙体开裂、外墙脱落、危房",
					List.of("危房", "开裂"), Priority.URGENT, true, List.of(), true, 41),
			new Category("livelihood-assistance", "困难帮扶", "livelihood", "民生诉求", "生活困难、需要帮扶",
					List.of("帮扶", "困难"), Priority.NORMAL, false, List.of(), true, 50),
			new Category("livelihood-service", "办事咨询", "livelihood", "民生诉求", "政策咨询、证明办理等",
					List.of("咨询", "办事"), Priority.LOW, false, List.of(), true, 51),
			new Category("suggestion", "意见建议", "suggestion", "意见建议", "对社区治理和服务的意见建议",
					List.of("建议"), Priority.LOW, true, List.of(), true, 60));

	/** Hours from report to resolution by priority when no rule of the district applies. */
	static int defaultHours(Priority priority) {
		return switch (priority) {
			case URGENT -> 4;
			case HIGH -> 24;
			case NORMAL -> 72;
			case LOW -> 168;
		};
	}
}
