package org.grassroots.member.registrations;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewServiceRecord(@NotNull LocalDate servedOn, @NotNull @Min(1) @Max(1440) Integer minutes,
		@NotBlank @Size(max = 500) String description) {
}
