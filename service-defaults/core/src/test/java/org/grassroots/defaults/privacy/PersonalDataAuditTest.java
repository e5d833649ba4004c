package org.grassroots.defaults.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.tenancy.TenantContext;
import org.grassroots.defaults.testapp.DefaultsTestBase;
import org.grassroots.defaults.web.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail on a real database: paged without losing rows that share a time, and per tenant only. */
class PersonalDataAuditTest extends DefaultsTestBase {

	@Autowired
	PersonalDataAudit audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void pagesThroughReadsOfOneTransactionWithoutSkippingOrRepeatingAny() {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		String resident = UUID.randomUUID().toString();
		Caller worker = new Caller("worker-1", "441702", Set.of("GRID_WORKER"), "441702", "person", Set.of(), "t");
		// three fields read in one transaction: their rows share accessed_at (the transaction's time)
		TenantContext.runAs("441702", () -> tx.executeWithoutResult(s -> {
			for (String field : List.of("idNumber", "phone", "address")) {
				audit.recordPlaintextRead(worker, "resident", resident, field, "上门走访");
			}
		}));

		List<String> fields = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			String at = cursor;
			Page<PersonalDataAudit.Access> page = TenantContext.callAs("441702",
					() -> tx.execute(s -> audit.page("resident", resident, null, null, at, 2)));
			page.items().forEach(a -> fields.add(a.field()));
			cursor = page.nextCursor();
			pages++;
		}
		while (cursor != null && pages < 5);

		assertThat(pages).isEqualTo(2);
		assertThat(fields).containsExactlyInAnyOrder("idNumber", "phone", "address");

		Page<PersonalDataAudit.Access> otherDistrict = TenantContext.callAs("340202",
				() -> tx.execute(s -> audit.page("resident", resident, null, null, null, 10)));
		assertThat(otherDistrict.items()).isEmpty();
	}

}
