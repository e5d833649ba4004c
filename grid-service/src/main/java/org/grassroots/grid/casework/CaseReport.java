package org.grassroots.grid.casework;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A case as reported through the REST API.
 *
 * @param channel APP (default for residents), HOTLINE, VISIT (staff); integrators are always INTEGRATOR
 * @param category a category code of the district's taxonomy
 * @param priority staff and integrators may set it; otherwise the category's default
 * @param title short summary (default: the start of the description)
 * @param description what happened
 * @param lat where (WGS84), with lng; decides the grid
 * @param lng where
 * @param address where, in words
 * @param householdId the registered household the case concerns, if any
 * @param gridId the grid, when staff know it and there is no location
 * @param reporterName who reported (hotline: the caller)
 * @param reporterPhone their phone (protected: encrypted, masked, audited)
 * @param attachments photos by URL
 * @param attributes answers to the category's extra questions (list answers comma-separated)
 * @param externalId the integrator's own id: reporting it again returns the same case
 */
public record CaseReport(Channel channel, @NotBlank @Size(max = 40) String category, Priority priority,
		@Size(max = 100) String title, @NotBlank @Size(max = 4000) String description, Double lat, Double lng,
		@Size(max = 200) String address, UUID householdId, UUID gridId, @Size(max = 50) String reporterName,
		@Size(max = 20) String reporterPhone, @Size(max = 9) List<@Valid @NotNull AttachmentInput> attachments,
		@Size(max = 30) Map<String, @Size(max = 500) String> attributes, @Size(max = 100) String externalId) {
}
