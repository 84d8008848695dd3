package io.github.atlassianlifecycle.client.scim;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A SCIM user of the identity-provider directory ({@code /Users}). Atlassian maps it onto an Atlassian account: the
 * account id is in the {@value #ATLASSIAN_EXTENSION} extension. {@code id}, {@code groups}, the extension and
 * {@code meta} are read-only; the client leaves them out of what it sends.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScimUser(
        List<String> schemas,
        String id,
        String externalId,
        String userName,
        Name name,
        String displayName,
        List<Email> emails,
        String title,
        String department,
        String organization,
        String timezone,
        String preferredLanguage,
        Boolean active,
        List<GroupRef> groups,
        @JsonProperty(ATLASSIAN_EXTENSION) AtlassianExtension atlassian,
        ScimMeta meta) {

    public static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ATLASSIAN_EXTENSION = "urn:scim:schemas:extension:atlassian-external:1.0";
    /** The enterprise user extension (RFC 7643 §4.3), whose schema the directory serves. */
    public static final String ENTERPRISE_EXTENSION = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    public ScimUser {
        schemas = schemas == null ? null : List.copyOf(schemas);
        emails = emails == null ? null : List.copyOf(emails);
        groups = groups == null ? null : List.copyOf(groups);
    }

    /** A new user to create or to replace with; {@code userName} and a primary email are what Atlassian requires. */
    public static Builder builder(String userName) {
        return new Builder().userName(userName);
    }

    /** A builder holding this user's writable attributes, for a replace (PUT) that keeps what it does not change. */
    public Builder toBuilder() {
        Builder builder = new Builder().userName(userName).externalId(externalId).displayName(displayName)
                .title(title).department(department).organization(organization).timezone(timezone)
                .preferredLanguage(preferredLanguage).active(active);
        builder.name = name;
        builder.emails = emails;
        return builder;
    }

    /** The Atlassian account this SCIM user is linked to, if Atlassian said. */
    @JsonIgnore
    public String atlassianAccountId() {
        return atlassian == null ? null : atlassian.atlassianAccountId();
    }

    /** The primary email, or the only one, or null. */
    @JsonIgnore
    public String primaryEmail() {
        if (emails == null || emails.isEmpty()) {
            return null;
        }
        return emails.stream().filter(e -> Boolean.TRUE.equals(e.primary())).map(Email::value).findFirst()
                .orElse(emails.size() == 1 ? emails.get(0).value() : null);
    }

    /**
     * Whether the user is deactivated ({@code active=false}); an absent {@code active} reads as active, SCIM's
     * default. Not called {@code isActive()}: Jackson would take that for the getter of {@code active} and, being
     * ignored, drop the attribute.
     */
    @JsonIgnore
    public boolean isDeactivated() {
        return Boolean.FALSE.equals(active);
    }

    /** What the client sends: the core schema and the writable attributes only. */
    ScimUser forWrite() {
        return new ScimUser(List.of(SCHEMA), null, externalId, userName, name, displayName, emails, title,
                department, organization, timezone, preferredLanguage, active, null, null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Name(String givenName, String familyName, String formatted) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Email(String value, String type, Boolean primary) {

        public static Email primaryWork(String value) {
            return new Email(value, "work", true);
        }
    }

    /** A group the user is in (read-only on the user; change membership through the group); {@code $ref} is its URL. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GroupRef(String value, String display, String type, @JsonProperty("$ref") String ref) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AtlassianExtension(String atlassianAccountId) {
    }

    /** Builds the writable part of a user. */
    public static final class Builder {

        private String userName;
        private String externalId;
        private Name name;
        private String displayName;
        private List<Email> emails;
        private String title;
        private String department;
        private String organization;
        private String timezone;
        private String preferredLanguage;
        private Boolean active;

        private Builder() {
        }

        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** Sets the one primary work email. */
        public Builder email(String email) {
            this.emails = email == null ? null : List.of(Email.primaryWork(email));
            return this;
        }

        public Builder emails(List<Email> emails) {
            this.emails = emails;
            return this;
        }

        public Builder name(String givenName, String familyName) {
            String formatted = givenName == null ? familyName : familyName == null ? givenName : givenName + " " + familyName;
            this.name = new Name(givenName, familyName, formatted);
            return this;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder department(String department) {
            this.department = department;
            return this;
        }

        public Builder organization(String organization) {
            this.organization = organization;
            return this;
        }

        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder preferredLanguage(String preferredLanguage) {
            this.preferredLanguage = preferredLanguage;
            return this;
        }

        public Builder active(Boolean active) {
            this.active = active;
            return this;
        }

        public ScimUser build() {
            return new ScimUser(List.of(SCHEMA), null, externalId, userName, name, displayName, emails, title,
                    department, organization, timezone, preferredLanguage, active, null, null, null);
        }
    }
}
