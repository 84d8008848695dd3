package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A SCIM group ({@code /Groups}). Atlassian turns it into an org group that only the identity provider may change;
 * its {@code displayName} cannot be changed after creation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimGroup(List<String> schemas, String id, String externalId, String displayName, List<Member> members,
        ScimMeta meta) {

    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    public ScimGroup {
        schemas = schemas == null ? null : List.copyOf(schemas);
        members = members == null ? null : List.copyOf(members);
    }

    /** The member list, never null. */
    public List<Member> memberList() {
        return members == null ? List.of() : members;
    }

    /** Whether the SCIM user {@code scimUserId} is a member. */
    public boolean hasMember(String scimUserId) {
        return memberList().stream().anyMatch(m -> m.value() != null && m.value().equals(scimUserId));
    }

    /**
     * A member: {@code value} is the SCIM user id; Atlassian also answers {@code type} ({@code User}) and
     * {@code $ref}, the member's URL. Only {@code value} is sent.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(String value, String display, String type, @JsonProperty("$ref") String ref) {

        public static Member of(String scimUserId) {
            return new Member(scimUserId, null, null, null);
        }
    }
}
