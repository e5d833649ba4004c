package org.grassroots.center.centers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Who hosts a station in their premises (挂建开放), e.g. a bank branch hosting a pioneer station. */
public record HostPartner(@NotNull Kind kind, @NotBlank @Size(max = 100) String name) {

	public enum Kind {
		BANK, SHOP, TELECOM, PARK, OFFICE_BUILDING, ENTERPRISE, OTHER
	}
}
