package org.grassroots.center.centers;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.grassroots.center.support.GeoPoint;

/** A new center or station. */
public record CenterDraft(@NotNull CenterLevel level, @NotBlank @Size(max = 100) String name,
		@Size(max = 50) String brandName, @NotBlank @Size(max = 120) String region, UUID parentId,
		@NotBlank @Size(max = 200) String address, @NotNull @Valid GeoPoint location,
		@DecimalMin("0") @DecimalMax("1000000") BigDecimal floorAreaM2,
		@Size(max = 30) @Pattern(regexp = "[0-9+\\- ]{3,30}") String phone, @Valid HostPartner hostPartner,
		@Size(max = 20) List<@NotNull @Pattern(regexp = "https?://\\S{1,490}") String> photos,
		@Size(max = 40) List<@NotBlank @Size(max = 30) String> facilities,
		@Size(max = 200) List<@NotBlank @Size(max = 40) String> serviceItems,
		@NotNull @Valid OpeningHours openingHours, CenterStatus status) {
}
