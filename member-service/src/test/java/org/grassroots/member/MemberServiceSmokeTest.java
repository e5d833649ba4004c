package org.grassroots.member;

import org.grassroots.testsupport.ServiceSmokeTests;

@MemberServiceTest
class MemberServiceSmokeTest extends ServiceSmokeTests {

	@Override
	protected String databaseName() {
		return "member";
	}

	@Override
	protected String applicationName() {
		return "member-service";
	}

	@Override
	protected String protectedPath() {
		return "/api/v1/party-members";
	}
}
