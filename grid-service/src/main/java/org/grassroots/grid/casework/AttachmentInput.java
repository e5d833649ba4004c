package org.grassroots.grid.casework;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A photo or document by URL (uploads live in object storage; cases keep the link). */
public record AttachmentInput(@NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+") String url,
		@Size(max = 200) String name, @Size(max = 100) String mediaType) {
}
