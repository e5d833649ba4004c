package org.grassroots.center.evaluations;

/** The steps of a yearly star evaluation, in order. */
public enum EvaluationStatus {

	/** 申报: the center applied with its self-assessment. */
	APPLIED,
	/** 评议: representatives gave their opinion. */
	REVIEWED,
	/** 考核: the street scored every indicator. */
	SCORED,
	/** 定级: the district confirmed the stars and the reward tier. */
	RATED,
	/** 公布: published; the center shows its stars. */
	PUBLISHED

}
