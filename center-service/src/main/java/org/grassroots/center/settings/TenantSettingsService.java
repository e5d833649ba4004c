package org.grassroots.center.settings;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.grassroots.center.support.Access;
import org.grassroots.defaults.problem.DomainProblem;
import org.grassroots.defaults.security.Caller;
import org.grassroots.defaults.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and changing the tenant's settings kept by center-service. */
@Service
public class TenantSettingsService {

	private final TenantSettingsRepository settings;

	private final TenantZones zones;

	TenantSettingsService(TenantSettingsRepository settings, TenantZones zones) {
		this.settings = settings;
		this.zones = zones;
	}

	@Transactional(readOnly = true)
	public TenantSettings get(Caller caller) {
		caller.requireAnyRole(Access.READERS);
		return settings.find().orElse(new TenantSettings(TenantSettings.DEFAULT_TIME_ZONE, 0));
	}

	@Transactional
	public TenantSettings change(Caller caller, long expectedVersion, TenantSettingsChange change) {
		caller.requireAnyRole(Roles.TENANT_ADMIN);
		try {
			ZoneId.of(change.timeZone());
		}
		catch (DateTimeException ex) {
			throw DomainProblem.invalidField("timeZone", "time-zone");
		}
		TenantSettings saved = settings.save(caller.tenant(), expectedVersion, change.timeZone())
			.orElseThrow(() -> new DomainProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed"));
		zones.forget(caller.tenant());
		return saved;
	}
}
