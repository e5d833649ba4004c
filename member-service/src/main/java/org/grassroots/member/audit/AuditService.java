package org.grassroots.member.audit;

import java.time.OffsetDateTime;

import org.grassroots.defaults.privacy.PersonalDataAudit;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.grassroots.defaults.web.Cursor;
import org.grassroots.defaults.web.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of plaintext reads of personal data, for the district's auditors only: those who may read
 * plaintext do not audit themselves. The log itself is append-only for the application role.
 */
@Service
public class AuditService {

	private final PersonalDataAudit audit;

	AuditService(PersonalDataAudit audit) {
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Page<PersonalDataAudit.Access> search(Caller caller, String resourceType, String resourceId,
			String accessor, OffsetDateTime before, Integer limit, String cursor) {
		caller.requireAnyRole(Roles.AUDITOR);
		if (!"person".equals(caller.kind())) {
			throw DomainProblem.forbidden();
		}
		return audit.page(blank(resourceType), blank(resourceId), blank(accessor), before, cursor,
				Cursor.limit(limit));
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
