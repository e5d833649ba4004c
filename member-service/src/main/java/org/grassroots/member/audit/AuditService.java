package org.grassroots.member.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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
		int size = Cursor.limit(limit);
		AuditPosition after = AuditPosition.decode(cursor);
		// search() pages by time alone, and the fields read in one transaction share a timestamp: the cursor keeps
		// (time, id), asks for everything up to that instant, and skips the rows of the instant already shown
		OffsetDateTime until = after == null ? before : after.time().plusNanos(1_000);
		List<PersonalDataAudit.Access> page = new ArrayList<>();
		int fetch = size + 21;
		while (true) {
			List<PersonalDataAudit.Access> rows = audit.search(blank(resourceType), blank(resourceId), blank(accessor),
					until, fetch);
			page.clear();
			for (PersonalDataAudit.Access row : rows) {
				if (after == null || after.isBefore(row)) {
					page.add(row);
				}
			}
			if (page.size() > size || rows.size() < fetch) {
				break;
			}
			fetch *= 2;
		}
		return Page.of(page, size, a -> AuditPosition.of(a).encode());
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
