package org.grassroots.grid.casework;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A case as the API shows it. Lists leave out the parts that need extra reads (helpers, duplicates, attachments).
 *
 * @param queueRegion who must act now: the unit the case is queued at (moves up on escalation)
 * @param queueLevel GRID, COMMUNITY, STREET or DISTRICT
 * @param helperLookup NOT_NEEDED, PENDING (member-service was unreachable: retried on the next read or step),
 *        FOUND or NONE
 * @param overdue open and past its SLA deadline
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(UUID id, String number, Channel channel, CategoryRef category, Priority priority,
		CaseStatus status, String title, String description, Location location, String address, UUID gridId,
		String region, String queueRegion, String queueLevel, UUID householdId, UUID patrolId, Reporter reporter,
		Dispatch dispatch, List<Helper> helpers, String helperLookup, List<LinkedCase> suspectedDuplicates,
		List<Attachment> attachments, @JsonRawValue String attributes, OffsetDateTime reportedAt,
		OffsetDateTime acceptedAt, OffsetDateTime dispatchedAt, OffsetDateTime resolvedAt, OffsetDateTime feedbackAt,
		OffsetDateTime evaluatedAt, OffsetDateTime closedAt, OffsetDateTime deadlineAt, boolean overdue,
		int escalationLevel, int reopenCount, Integer rating, String ratingComment, OffsetDateTime updatedAt,
		long version) {

	/** Category code and name. */
	public record CategoryRef(String code, String name) {
	}

	/** Where the problem is. */
	public record Location(double lat, double lng) {
	}

	/** Who reported it (phone masked). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Reporter(String subject, String kind, String name, String phone) {
	}

	/** How it was dispatched. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Dispatch(DispatchMode mode, String assignee, String department, List<String> parties) {
	}

	/** A central household helping with the case. */
	public record Helper(UUID centralHouseholdId, UUID memberId, String name, List<String> roles,
			OffsetDateTime addedAt) {
	}

	/** A suspected duplicate (linked, not merged). */
	public record LinkedCase(UUID id, String number, double distanceMeters) {
	}

	/** A photo or document by URL. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Attachment(UUID id, String url, String name, String mediaType, String stage, String addedBy,
			OffsetDateTime addedAt) {
	}
}
