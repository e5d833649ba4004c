package org.grassroots.center.centers;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.grassroots.center.support.GeoPoint;

/**
 * A partial update: absent (null) fields stay as they are; an empty string clears an optional text field, an empty
 * list clears a list. Level and region do not change (a moved center is a new one).
 */
public record CenterChange(@Pattern(regexp = ".*\\S.*") @Size(max = 100) String name, @Size(max = 50) String brandName,
		@Pattern(regexp = ".*\\S.*") @Size(max = 200) String address, @Valid GeoPoint location,
		@DecimalMin("0") @DecimalMax("1000000") BigDecimal floorAreaM2,
		@Size(max = 30) @Pattern(regexp = "|[0-9+\\- ]{3,30}") String phone, @Valid HostPartner hostPartner,
		@Size(max = 20) List<@NotNull @Pattern(regexp = "https?://\\S{1,490}") String> photos,
		@Size(max = 40) List<@NotBlank @Size(max = 30) String> facilities,
		@Size(max = 200) List<@NotBlank @Size(max = 40) String> serviceItems, @Valid OpeningHours openingHours,
		CenterStatus status) {
}
