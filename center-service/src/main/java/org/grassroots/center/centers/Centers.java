package org.grassroots.center.centers;

import java.util.Optional;
import java.util.UUID;

import org.grassroots.center.map.MapIndexSync;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Centers as the other features of this service use them (rooms, bookings, rosters, activities, evaluations,
 * tasks). Runs inside the caller's transaction.
 */
@Component
public class Centers {

	public static final String RESOURCE = "服务中心";

	private final CenterRepository centers;

	private final MapIndexSync index;

	Centers(CenterRepository centers, MapIndexSync index) {
		this.centers = centers;
		this.index = index;
	}

	public Optional<CenterRef> find(UUID id) {
		return centers.find(id).map(Centers::ref);
	}

	/** The center, or a 404 when it does not exist in the tenant or lies outside the caller's data scope. */
	public CenterRef require(Caller caller, UUID id) {
		CenterRef center = find(id).orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(center.region(), RESOURCE, id);
		return center;
	}

	/** Like {@link #require} but locks the row until the transaction ends. */
	public CenterRef lock(Caller caller, UUID id) {
		CenterRef center = centers.findForUpdate(id).map(Centers::ref)
			.orElseThrow(() -> DomainProblem.notFound(RESOURCE, id));
		caller.requireCovers(center.region(), RESOURCE, id);
		return center;
	}

	/** Records the stars of a published evaluation on the center; the public map shows them at once. */
	public void publishStars(String tenant, UUID id, int stars, int year) {
		centers.setStars(id, stars, year);
		index.changed(tenant);
	}

	static CenterRef ref(Center c) {
		return new CenterRef(c.id(), c.name(), c.region(), c.level(), c.status(), c.openingHours().compile("openingHours"));
	}
}
