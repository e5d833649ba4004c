package org.grassroots.member.organizations;

/**
 * What kind of organization it is besides its level: a regular one, a grid branch (网格党支部, serves a grid),
 * a building group (楼栋党小组), a mobile branch (流动党支部, gathers mobile members where they live and work), or
 * a joint branch of social organizations (联合党支部) too small for a branch of their own.
 */
public enum OrganizationCategory {

	REGULAR, GRID, BUILDING, MOBILE, JOINT

}
