package org.grassroots.member.members;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based member writes for bulk imports (hundreds of rows per statement). Authorization and validation are
 * the importer's job; call inside its transaction.
 */
@Component
public class MemberImports {

	private final JdbcClient jdbc;

	private final MemberPersonalData personalData;

	MemberImports(JdbcClient jdbc, MemberPersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	/** A member to create. */
	public record NewMember(UUID id, UUID organizationId, String name, String idNumber, String phone,
			MemberCategory category, LocalDate joinedOn, String workplace) {
	}

	/** An existing member found by ID number. */
	public record Existing(UUID id, String idNumberIndex, MemberStatus status, boolean centralHousehold) {
	}

	public String index(String idNumber) {
		return personalData.index(idNumber);
	}

	/** Existing members by blind index. */
	public Map<String, Existing> findByIndexes(Collection<String> indexes) {
		if (indexes.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select m.id, m.id_number_bidx, m.status,
				       exists (select 1 from central_household c where c.tenant_id = m.tenant_id and c.member_id = m.id
				               and c.status = 'ACTIVE')
				from party_member m where m.id_number_bidx = any(cast(:idx as text[]))
				""").param("idx", indexes.toArray(String[]::new))
			.query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2),
					MemberStatus.valueOf(rs.getString(3)), rs.getBoolean(4)))
			.list()
			.stream()
			.collect(Collectors.toMap(Existing::idNumberIndex, Function.identity()));
	}

	/** Encrypts and inserts the members in one statement. */
	public void insertAll(String tenant, List<NewMember> members) {
		if (members.isEmpty()) {
			return;
		}
		int n = members.size();
		String[] ids = new String[n];
		String[] orgs = new String[n];
		String[] names = new String[n];
		String[] idEnc = new String[n];
		String[] idIdx = new String[n];
		String[] idMasked = new String[n];
		String[] phoneEnc = new String[n];
		String[] phoneMasked = new String[n];
		String[] categories = new String[n];
		String[] joined = new String[n];
		String[] workplaces = new String[n];
		for (int i = 0; i < n; i++) {
			NewMember m = members.get(i);
			MemberPersonalData.Sealed sealed = personalData.seal(m.id(), m.idNumber(), m.phone());
			ids[i] = m.id().toString();
			orgs[i] = m.organizationId().toString();
			names[i] = m.name();
			idEnc[i] = sealed.idNumberCiphertext();
			idIdx[i] = sealed.idNumberIndex();
			idMasked[i] = sealed.idNumberMasked();
			phoneEnc[i] = sealed.phoneCiphertext();
			phoneMasked[i] = sealed.phoneMasked();
			categories[i] = m.category().name();
			joined[i] = m.joinedOn() == null ? null : m.joinedOn().toString();
			workplaces[i] = m.workplace();
		}
		jdbc.sql("""
				insert into party_member (id, tenant_id, organization_id, name, id_number_enc, id_number_bidx,
				    id_number_masked, phone_enc, phone_masked, category, joined_on, workplace)
				select cast(u.id as uuid), :tenant, cast(u.org as uuid), u.name, u.enc, u.idx, u.masked, u.penc,
				       u.pmasked, u.category, cast(u.joined as date), u.workplace
				from unnest(cast(:ids as text[]), cast(:orgs as text[]), cast(:names as text[]), cast(:enc as text[]),
				            cast(:idx as text[]), cast(:masked as text[]), cast(:penc as text[]),
				            cast(:pmasked as text[]), cast(:categories as text[]), cast(:joined as text[]),
				            cast(:workplaces as text[]))
				     as u(id, org, name, enc, idx, masked, penc, pmasked, category, joined, workplace)
				""")
			.param("tenant", tenant)
			.param("ids", ids)
			.param("orgs", orgs)
			.param("names", names)
			.param("enc", idEnc)
			.param("idx", idIdx)
			.param("masked", idMasked)
			.param("penc", phoneEnc)
			.param("pmasked", phoneMasked)
			.param("categories", categories)
			.param("joined", joined)
			.param("workplaces", workplaces)
			.update();
	}
}
