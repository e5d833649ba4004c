package org.grassroots.center.catalog;

import java.util.List;

/**
 * The catalog every tenant starts with: the "6 categories, 17 items" public service list of the source
 * programmes (legal aid, medical care, employment, help for those in need, culture, policy consultation).
 * Tenants add their own categories and items beside it.
 */
final class CatalogSeed {

	record Item(String code, String name, String description) {
	}

	record Category(String code, String name, List<Item> items) {
	}

	static final List<Category> CATEGORIES = List.of(
			new Category("legal-aid", "法律援助", List.of(
					new Item("legal-consultation", "法律咨询", "律师、法律工作者定期坐班，解答法律问题"),
					new Item("dispute-mediation", "矛盾调解", "邻里、家庭纠纷的人民调解"),
					new Item("legal-aid-application", "法律援助申请", "代办法律援助申请，转介援助律师"))),
			new Category("medical-care", "医疗健康", List.of(
					new Item("health-check", "健康义诊", "血压血糖测量、健康咨询"),
					new Item("family-doctor", "家庭医生签约", "家庭医生签约与随访"),
					new Item("elderly-care", "助老服务", "老年人助餐、助浴、陪诊"))),
			new Category("employment", "就业创业", List.of(
					new Item("job-matching", "岗位推介", "发布招聘信息，推荐合适岗位"),
					new Item("skills-training", "技能培训", "职业技能与灵活就业培训"),
					new Item("startup-guidance", "创业指导", "创业政策解读与贷款代办"))),
			new Category("assistance", "困难帮扶", List.of(
					new Item("hardship-relief", "困难救助", "低保、临时救助申请代办"),
					new Item("disability-support", "助残服务", "残疾人证件与补贴代办、康复指导"),
					new Item("charity-goods", "爱心物资", "爱心超市与物资发放"))),
			new Category("culture", "文化服务", List.of(
					new Item("reading-room", "图书阅览", "阅览室与书香角"),
					new Item("culture-sports", "文体活动", "文艺排练、健身活动场地"),
					new Item("after-school", "四点半课堂", "放学后托管与作业辅导"))),
			new Category("policy", "政策咨询", List.of(
					new Item("policy-briefing", "政策宣讲", "惠民政策宣讲与解读"),
					new Item("social-insurance", "社保医保办理", "社保、医保业务咨询与代办"))));

	private CatalogSeed() {
	}
}
