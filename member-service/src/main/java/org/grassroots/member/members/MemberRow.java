package org.grassroots.member.members;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member row with what decides who may see it: the regions of its organization, mobile branch, registration. */
record MemberRow(UUID id, UUID organizationId, String organizationName, String organizationRegion, String name,
		String idNumberCiphertext, String idNumberMasked, String phoneCiphertext, String phoneMasked,
		MemberCategory category, MemberStatus status, LocalDate joinedOn, String workplace, UUID mobileBranchId,
		String mobileBranchRegion, String mobileLocation, String accountSubject, String registrationCommunity,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

	PartyMember masked() {
		return view(idNumberMasked, phoneMasked, List.of());
	}

	PartyMember view(String idNumber, String phone, List<String> revealed) {
		return new PartyMember(id, organizationId, organizationName, name, idNumber, phone, revealed, category, status,
				joinedOn, workplace, mobileBranchId, mobileLocation, accountSubject, createdAt, updatedAt, version);
	}

	MemberSummary summary() {
		return new MemberSummary(id, name, category, status, organizationId, organizationRegion, accountSubject);
	}
}
