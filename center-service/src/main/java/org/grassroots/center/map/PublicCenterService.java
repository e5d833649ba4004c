package org.grassroots.center.map;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.center.catalog.CatalogService;
import org.grassroots.center.catalog.ServiceItem;
import org.grassroots.center.centers.Center;
import org.grassroots.center.centers.CenterService;
import org.grassroots.center.centers.CenterStatus;
import org.grassroots.center.centers.Centers;
import org.grassroots.center.rooms.RoomService;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public page of an operating center. */
@Service
public class PublicCenterService {

	private final CenterService centers;

	private final CatalogService catalog;

	private final RoomService rooms;

	PublicCenterService(CenterService centers, CatalogService catalog, RoomService rooms) {
		this.centers = centers;
		this.catalog = catalog;
		this.rooms = rooms;
	}

	@Transactional
	public PublicCenter get(Caller caller, UUID id) {
		Center c = centers.find(id)
			.filter(center -> center.status() == CenterStatus.ACTIVE)
			.orElseThrow(() -> DomainProblem.notFound(Centers.RESOURCE, id));
		Map<String, ServiceItem> items = new HashMap<>();
		catalog.list(caller).forEach(category -> category.items().forEach(i -> items.put(i.code(), i)));
		List<PublicCenter.Service> services = c.serviceItems()
			.stream()
			.filter(items::containsKey)
			.map(code -> new PublicCenter.Service(code, items.get(code).name(), items.get(code).categoryCode()))
			.toList();
		List<PublicCenter.PublicRoom> publicRooms = rooms.publicRooms(id)
			.stream()
			.map(r -> new PublicCenter.PublicRoom(r.id(), r.name(), r.capacity(), r.facilities(), r.requiresApproval()))
			.toList();
		return new PublicCenter(c.id(), c.level(), c.name(), c.brandName(), c.address(), c.location(),
				c.floorAreaM2(), c.phone(), c.hostPartner(), c.photos(), c.facilities(), services, c.openingHours(),
				Boolean.TRUE.equals(c.openNow()), c.todayHours(), c.stars(), c.starsYear(), publicRooms);
	}
}
