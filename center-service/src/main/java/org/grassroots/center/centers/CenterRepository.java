package org.grassroots.center.centers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.support.GeoPoint;
import org.grassroots.center.support.JsonColumns;
import org.grassroots.defaults.security.Regions;
import org.grassroots.center.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for centers. Row-level security confines every statement to the transaction's tenant. */
@Repository
class CenterRepository {

	static final String COLUMNS = "id, level, name, brand_name, region, parent_id, address, lat, lng, floor_area_m2, "
			+ "phone, host_kind, host_name, photos, facilities, service_items, opening_hours::text as opening_hours, "
			+ "status, stars, stars_year, created_at, updated_at, version";

	private final JdbcClient jdbc;

	private final JsonColumns json;

	CenterRepository(JdbcClient jdbc, JsonColumns json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Center insert(String tenant, UUID id, CenterDraft d, List<String> serviceItems, CenterStatus status) {
		return jdbc.sql("""
				insert into center (id, tenant_id, level, name, brand_name, region, parent_id, address, lat, lng,
				    floor_area_m2, phone, host_kind, host_name, photos, facilities, service_items, opening_hours, status)
				values (:id, :tenant, :level, :name, :brand, :region, :parent, :address, :lat, :lng, :area, :phone,
				    :hostKind, :hostName, :photos, :facilities, :items, cast(:hours as jsonb), :status)
				returning\s""" + COLUMNS)
			.param("id", id)
			.param("tenant", tenant)
			.param("level", d.level().name())
			.param("name", d.name().strip())
			.param("brand", blankToNull(d.brandName()))
			.param("region", d.region())
			.param("parent", d.parentId())
			.param("address", d.address().strip())
			.param("lat", d.location().lat())
			.param("lng", d.location().lng())
			.param("area", d.floorAreaM2())
			.param("phone", blankToNull(d.phone()))
			.param("hostKind", d.hostPartner() == null ? null : d.hostPartner().kind().name())
			.param("hostName", d.hostPartner() == null ? null : d.hostPartner().name().strip())
			.param("photos", Sql.array(d.photos()))
			.param("facilities", Sql.array(d.facilities()))
			.param("items", Sql.array(serviceItems))
			.param("hours", json.write(d.openingHours()))
			.param("status", status.name())
			.query(this::map)
			.single();
	}

	Optional<Center> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from center where id = :id").param("id", id).query(this::map).optional();
	}

	Optional<Center> findForUpdate(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from center where id = :id for update")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Keyset page of a region subtree in id order; fetches one extra row to tell whether more exist. */
	List<Center> page(String regionPrefix, CenterLevel level, CenterStatus status, UUID after, int limitPlusOne) {
		return jdbc.sql("select " + COLUMNS + " from center "
				+ "where (region = :prefix or region like :subtree) "
				+ "and (cast(:level as text) is null or level = :level) "
				+ "and (cast(:status as text) is null or status = :status) "
				+ "and (cast(:after as uuid) is null or id > :after) order by id limit :limit")
			.param("prefix", regionPrefix)
			.param("subtree", Regions.subtreePattern(regionPrefix))
			.param("level", level == null ? null : level.name())
			.param("status", status == null ? null : status.name())
			.param("after", after)
			.param("limit", limitPlusOne)
			.query(this::map)
			.list();
	}

	Optional<Center> update(Center c, long expectedVersion) {
		return jdbc.sql("""
				update center set name = :name, brand_name = :brand, address = :address, lat = :lat, lng = :lng,
				    floor_area_m2 = :area, phone = :phone, host_kind = :hostKind, host_name = :hostName,
				    photos = :photos, facilities = :facilities, service_items = :items,
				    opening_hours = cast(:hours as jsonb), status = :status, updated_at = now(), version = version + 1
				where id = :id and version = :version
				returning\s""" + COLUMNS)
			.param("id", c.id())
			.param("version", expectedVersion)
			.param("name", c.name())
			.param("brand", blankToNull(c.brandName()))
			.param("address", c.address())
			.param("lat", c.location().lat())
			.param("lng", c.location().lng())
			.param("area", c.floorAreaM2())
			.param("phone", blankToNull(c.phone()))
			.param("hostKind", c.hostPartner() == null ? null : c.hostPartner().kind().name())
			.param("hostName", c.hostPartner() == null ? null : c.hostPartner().name().strip())
			.param("photos", Sql.array(c.photos()))
			.param("facilities", Sql.array(c.facilities()))
			.param("items", Sql.array(c.serviceItems()))
			.param("hours", json.write(c.openingHours()))
			.param("status", c.status().name())
			.query(this::map)
			.optional();
	}

	void setStars(UUID id, int stars, int year) {
		jdbc.sql("""
				update center set stars = :stars, stars_year = :year, updated_at = now(), version = version + 1
				where id = :id
				""").param("id", id).param("stars", stars).param("year", year).update();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private Center map(ResultSet rs, int row) throws SQLException {
		String hostKind = rs.getString("host_kind");
		return new Center(rs.getObject("id", UUID.class), CenterLevel.valueOf(rs.getString("level")),
				rs.getString("name"), rs.getString("brand_name"), rs.getString("region"),
				rs.getObject("parent_id", UUID.class), rs.getString("address"),
				new GeoPoint(rs.getDouble("lat"), rs.getDouble("lng")), rs.getBigDecimal("floor_area_m2"),
				rs.getString("phone"),
				hostKind == null ? null : new HostPartner(HostPartner.Kind.valueOf(hostKind), rs.getString("host_name")),
				Sql.strings(rs, "photos"), Sql.strings(rs, "facilities"), Sql.strings(rs, "service_items"),
				json.read(rs.getString("opening_hours"), OpeningHours.class), CenterStatus.valueOf(rs.getString("status")),
				rs.getInt("stars"), Sql.intOrNull(rs, "stars_year"), null, null,
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getLong("version"));
	}
}
