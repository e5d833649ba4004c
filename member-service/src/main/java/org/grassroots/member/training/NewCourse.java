package org.grassroots.member.training;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewCourse(@NotBlank @Size(max = 200) String title, @NotNull @Size(max = 200) String region,
		UUID organizationId, @NotNull OffsetDateTime startsAt, @NotNull @Min(1) @Max(1440) Integer durationMinutes,
		@Size(max = 200) String location) {
}
