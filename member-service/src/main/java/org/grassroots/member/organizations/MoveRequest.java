package org.grassroots.member.organizations;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/** Move an organization under another parent, to another region, or both; absent fields stay. */
public record MoveRequest(UUID parentId, @Size(max = 200) String region, @Size(max = 500) String reason) {
}
