package org.grassroots.grid.clients.member;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What grid-service reads of member-service's answer to "which central household serves this household" (owned by
 * this consumer; unknown fields are ignored so the provider may add some).
 *
 * @param centralHouseholdId the central household (党员中心户)
 * @param memberId the party member who runs it
 * @param name display name
 * @param roles of the five: POLICY_PROMOTER, OPINION_COLLECTOR, SERVICE_DOER, DISPUTE_MEDIATOR, HARDSHIP_HELPER
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CentralHouseholdLink(UUID centralHouseholdId, UUID memberId, String name, List<String> roles) {
}
