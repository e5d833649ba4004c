package org.grassroots.member.organizations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.defaults.security.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for party organizations. Row-level security confines every statement to the transaction's tenant. */
@Repository
class OrganizationRepository {

	private static final String COLUMNS = "id, parent_id, name, level, category, region, grid_id, building_id, "
			+ "social_organizations, contact_phone, status, created_at, updated_at, version";

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PartyOrganization insert(String tenant, UUID id, NewOrganization o, OrganizationCategory category) {
		return jdbc.sql("insert into party_organization (id, tenant_id, parent_id, name, level, category, region, "
				+ "grid_id, building_id, social_organizations, contact_phone) values (:id, :tenant, :parent, :name, "
				+ ":level, :category, :region, :grid, :building, :socials, :phone) returning " + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("parent", o.parentId())
			.param("name", o.name().strip())
			.param("level", o.level().name())
			.param("category", category.name())
			.param("region", o.region())
			.param("grid", o.gridId())
			.param("building", o.buildingId())
			.param("socials", strip(o.socialOrganizations()))
			.param("phone", o.contactPhone())
			.query(OrganizationRepository::map)
			.single();
	}

	Optional<PartyOrganization> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from party_organization where id = :id")
			.param("id", id)
			.query(OrganizationRepository::map)
			.optional();
	}

	Optional<PartyOrganization> findForUpdate(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from party_organization where id = :id for update")
			.param("id", id)
			.query(OrganizationRepository::map)
			.optional();
	}

	List<PartyOrganization> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from party_organization where id = any(cast(:ids as uuid[]))")
			.param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
			.query(OrganizationRepository::map)
			.list();
	}

	List<PartyOrganization> page(UUID parentId, String regionPrefix, OrganizationLevel level,
			OrganizationCategory category, OrganizationStatus status, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from party_organization where "
				+ "(cast(:parent as uuid) is null or parent_id = :parent) "
				+ "and (cast(:prefix as text) is null or region = :prefix or region like :subtree) "
				+ "and (cast(:level as text) is null or level = :level) "
				+ "and (cast(:category as text) is null or category = :category) "
				+ "and (cast(:status as text) is null or status = :status) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("parent", parentId)
			.param("prefix", regionPrefix)
			.param("subtree", regionPrefix == null ? null : Regions.subtreePattern(regionPrefix))
			.param("level", level == null ? null : level.name())
			.param("category", category == null ? null : category.name())
			.param("status", status == null ? null : status.name())
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(OrganizationRepository::map)
			.list();
	}

	Optional<PartyOrganization> update(UUID id, long expectedVersion, String name, String contactPhone,
			List<String> socials, OrganizationStatus status) {
		return jdbc.sql("update party_organization set name = :name, contact_phone = :phone, "
				+ "social_organizations = :socials, status = :status, updated_at = now(), version = version + 1 "
				+ "where id = :id and version = :version returning " + COLUMNS)
			.param("id", id)
			.param("version", expectedVersion)
			.param("name", name)
			.param("phone", contactPhone)
			.param("socials", socials.toArray(String[]::new))
			.param("status", status.name())
			.query(OrganizationRepository::map)
			.optional();
	}

	/** Tree changes are serialized per district, so two concurrent moves can never form a cycle. */
	void lockTree(String tenant) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('party-organization-tree:' || :tenant))")
			.param("tenant", tenant)
			.query((rs, n) -> 1)
			.list();
	}

	/** Whether {@code candidate} is {@code root} or lies in its subtree. */
	boolean inSubtree(UUID root, UUID candidate) {
		return jdbc.sql("""
				with recursive sub(id) as (
				    select id from party_organization where id = :root
				    union
				    select o.id from party_organization o join sub on o.parent_id = sub.id
				)
				select exists (select 1 from sub where id = :candidate)
				""").param("root", root).param("candidate", candidate).query(Boolean.class).single();
	}

	/** Names of descendants whose region would fall outside {@code region}. */
	List<String> descendantsOutside(UUID root, String region) {
		return jdbc.sql("""
				with recursive sub(id) as (
				    select id from party_organization where parent_id = :root
				    union
				    select o.id from party_organization o join sub on o.parent_id = sub.id
				)
				select o.name from party_organization o join sub on sub.id = o.id
				where not (o.region = :region or o.region like :subtree)
				order by o.name limit 5
				""").param("root", root)
			.param("region", region)
			.param("subtree", Regions.subtreePattern(region))
			.query(String.class)
			.list();
	}

	boolean hasActiveChildren(UUID id) {
		return jdbc.sql("select exists (select 1 from party_organization where parent_id = :id and status = 'ACTIVE')")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	boolean hasActiveMembers(UUID id) {
		return jdbc.sql("select exists (select 1 from party_member where (organization_id = :id or mobile_branch_id = :id) "
				+ "and status = 'ACTIVE')")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	PartyOrganization move(UUID id, UUID parentId, String region) {
		return jdbc.sql("update party_organization set parent_id = :parent, region = :region, updated_at = now(), "
				+ "version = version + 1 where id = :id returning " + COLUMNS)
			.param("id", id)
			.param("parent", parentId)
			.param("region", region)
			.query(OrganizationRepository::map)
			.single();
	}

	void insertMove(String tenant, OrganizationMove move) {
		jdbc.sql("insert into party_organization_move (id, tenant_id, organization_id, from_parent_id, to_parent_id, "
				+ "from_region, to_region, reason, moved_by) values (:id, :tenant, :org, :fromParent, :toParent, "
				+ ":fromRegion, :toRegion, :reason, :by)")
			.param("id", move.id())
			.param("tenant", tenant)
			.param("org", move.organizationId())
			.param("fromParent", move.fromParentId())
			.param("toParent", move.toParentId())
			.param("fromRegion", move.fromRegion())
			.param("toRegion", move.toRegion())
			.param("reason", move.reason())
			.param("by", move.movedBy())
			.update();
	}

	List<OrganizationMove> moves(UUID organizationId) {
		return jdbc.sql("select id, organization_id, from_parent_id, to_parent_id, from_region, to_region, reason, "
				+ "moved_by, moved_at from party_organization_move where organization_id = :id order by moved_at, id")
			.param("id", organizationId)
			.query((rs, n) -> new OrganizationMove(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
					rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class)))
			.list();
	}

	private static String[] strip(List<String> values) {
		return values == null ? new String[0] : values.stream().map(String::strip).toArray(String[]::new);
	}

	static PartyOrganization map(ResultSet rs, int row) throws SQLException {
		Array socials = rs.getArray("social_organizations");
		return new PartyOrganization(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
				rs.getString("name"), OrganizationLevel.valueOf(rs.getString("level")),
				OrganizationCategory.valueOf(rs.getString("category")), rs.getString("region"),
				rs.getObject("grid_id", UUID.class), rs.getObject("building_id", UUID.class),
				socials == null ? List.of() : Arrays.asList((String[]) socials.getArray()), rs.getString("contact_phone"),
				OrganizationStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
	}
}
