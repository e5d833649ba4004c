package org.grassroots.grid.casework;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of the workflow steps. */
public final class Steps {

	private Steps() {
	}

	/** Accept (分析研判): confirm or correct category and priority. */
	public record Acceptance(@Size(max = 40) String category, Priority priority, @Size(max = 2000) String note) {
	}

	/**
	 * Dispatch (处置): handle now by a grid worker, route to a department, or coordinate several parties.
	 *
	 * @param assignee the grid worker's subject (HANDLE_NOW)
	 * @param department the responsible department (ROUTE_TO_DEPARTMENT)
	 * @param parties the parties (COORDINATION, at least two)
	 * @param householdId the registered household it concerns, if not known at report time
	 */
	public record DispatchOrder(@NotNull DispatchMode mode, @Size(max = 200) String assignee,
			@Size(max = 100) String department, @Size(max = 10) List<@NotBlank @Size(max = 100) String> parties,
			UUID householdId, @Size(max = 2000) String note) {
	}

	/** Resolve: what was done, with photos. */
	public record Resolution(@NotBlank @Size(max = 2000) String note,
			@Size(max = 9) List<@Valid @NotNull AttachmentInput> attachments) {
	}

	/** Feedback (反馈): how the reporter was informed. */
	public record Feedback(@NotBlank @Pattern(regexp = "PHONE|SMS|APP|VISIT|OTHER") String method,
			@Size(max = 2000) String note) {
	}

	/** Evaluation (评议): the reporter's rating, 1 (very dissatisfied) to 5 (very satisfied). */
	public record Evaluation(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 500) String comment) {
	}

	/** Close (销号). */
	public record Closure(@Size(max = 2000) String note) {
	}

	/** A note in the timeline. */
	public record Note(@NotBlank @Size(max = 2000) String note) {
	}

	/** More attachments. */
	public record Attachments(@NotEmpty @Size(max = 9) List<@Valid @NotNull AttachmentInput> attachments) {
	}
}
