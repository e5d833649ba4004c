package org.grassroots.center.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new time zone for the tenant (IANA id such as {@code Asia/Shanghai} or {@code Asia/Urumqi}). */
public record TenantSettingsChange(@NotBlank @Size(max = 64) String timeZone) {
}
