package io.github.atlassianlifecycle.simulator.scim;

import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.ScimProfile;

/**
 * The writable attributes of one SCIM user, as a draft: read from an account or a request body, changed by PATCH
 * operations, checked, and only then written back to the account. Working on a draft means a request that fails
 * half-way through its operations changes nothing, as SCIM requires (PATCH is atomic).
 */
final class UserDraft {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String ATLASSIAN = "urn:scim:schemas:extension:atlassian-external:1.0";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** {@code emails[type eq "work"].value} or {@code emails[primary eq true].value}: how IdPs patch the email. */
    private static final Pattern EMAIL_VALUE_PATH = Pattern.compile(
            "emails\\[\\s*(type\\s+eq\\s+\"[^\"]*\"|primary\\s+eq\\s+true)\\s*]\\.value", Pattern.CASE_INSENSITIVE);

    String userName;
    String externalId;
    String email;
    String emailType = "work";
    String givenName;
    String familyName;
    String formatted;
    String displayName;
    String nickName;
    String title;
    String department;
    String organization;
    String timezone;
    String preferredLanguage;
    /** Null in a body means "not said": a create makes the user active, a replace keeps the current state. */
    Boolean active;

    private UserDraft() {
    }

    /** The account as SCIM shows it; a seeded account without a profile gets one derived from its name and email. */
    static UserDraft of(Account account) {
        UserDraft user = new UserDraft();
        ScimProfile profile = account.scimProfile;
        user.email = account.email;
        user.externalId = account.externalId;
        user.title = account.title;
        user.department = account.department;
        user.active = account.isActive();
        if (profile == null) {
            user.userName = account.email;
            user.displayName = account.name;
            user.formatted = account.name;
            if (account.name != null) {
                int space = account.name.indexOf(' ');
                user.givenName = space < 0 ? account.name : account.name.substring(0, space);
                user.familyName = space < 0 ? null : account.name.substring(space + 1);
            }
            return user;
        }
        user.userName = profile.userName;
        user.emailType = profile.emailType;
        user.givenName = profile.givenName;
        user.familyName = profile.familyName;
        user.formatted = profile.formatted;
        user.displayName = profile.displayName;
        user.nickName = profile.nickName;
        user.organization = profile.organization;
        user.timezone = profile.timezone;
        user.preferredLanguage = profile.preferredLanguage;
        return user;
    }

    /** A whole user from a POST or PUT body; read-only attributes (id, groups, meta, the Atlassian extension) are ignored. */
    static UserDraft fromBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimError.badRequest("invalidSyntax", "The request body must be a SCIM User object");
        }
        UserDraft user = new UserDraft();
        user.active = null;
        user.emailType = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.equalsIgnoreCase(ENTERPRISE)) {
                user.setEnterprise(field.getValue());
            } else if (!isIgnoredOnWrite(name)) {
                user.set(name, field.getValue(), true, true);
            }
        }
        user.requireComplete();
        return user;
    }

    private static boolean isIgnoredOnWrite(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "schemas", "id", "meta", "groups" -> true;
            default -> name.equalsIgnoreCase(ATLASSIAN);
        };
    }

    /** Applies a PATCH body: {@code Operations} or {@code operations}, with or without {@code path}. */
    void patch(JsonNode body) {
        for (PatchOperation operation : PatchOperation.read(body)) {
            if (operation.path() == null) {
                if ("remove".equals(operation.op())) {
                    throw ScimError.badRequest("noTarget", "A remove operation needs a path");
                }
                JsonNode value = operation.value();
                if (value == null || !value.isObject()) {
                    throw ScimError.badRequest("invalidValue", "Without a path, the value must be an object of attributes");
                }
                value.fields().forEachRemaining(field -> {
                    if (field.getKey().equalsIgnoreCase(ENTERPRISE)) {
                        setEnterprise(field.getValue());
                    } else if (!field.getKey().equalsIgnoreCase("schemas")) {
                        set(stripCoreSchema(field.getKey()), field.getValue(), false, true);
                    }
                });
            } else if ("remove".equals(operation.op())) {
                set(stripCoreSchema(operation.path()), null, true, false);
            } else {
                if (operation.value() == null) {
                    throw ScimError.badRequest("invalidValue", "The operation on '" + operation.path() + "' needs a value");
                }
                set(stripCoreSchema(operation.path()), operation.value(), false, false);
            }
        }
        requireComplete();
    }

    private static String stripCoreSchema(String path) {
        String trimmed = path.trim();
        if (trimmed.regionMatches(true, 0, SCHEMA + ":", 0, SCHEMA.length() + 1)) {
            return trimmed.substring(SCHEMA.length() + 1);
        }
        if (trimmed.regionMatches(true, 0, ENTERPRISE + ":", 0, ENTERPRISE.length() + 1)) {
            String attribute = trimmed.substring(ENTERPRISE.length() + 1);
            if (attribute.equalsIgnoreCase("department") || attribute.equalsIgnoreCase("organization")) {
                return attribute;
            }
            throw ScimError.badRequest("invalidPath", "The enterprise attribute '" + attribute + "' is not supported");
        }
        return trimmed;
    }

    /**
     * Sets one attribute. {@code value} null means remove. A whole-resource write ({@code replaceComplex}) replaces
     * {@code name} as a whole; a PATCH merges its sub-attributes, as RFC 7644 §3.5.2.3 says. Attributes Atlassian
     * does not keep (phoneNumbers, addresses, ...) are ignored in a body ({@code ignoreUnknown}), as identity
     * providers send them all the time, but a PATCH path naming one is 400 {@code invalidPath}.
     */
    private void set(String attribute, JsonNode value, boolean replaceComplex, boolean ignoreUnknown) {
        JsonNode given = value == null || value.isNull() ? null : value;
        if (EMAIL_VALUE_PATH.matcher(attribute).matches()) {
            email = requiredEmail(given);
            return;
        }
        switch (attribute.toLowerCase(Locale.ROOT)) {
            case "username" -> userName = required("userName", given);
            case "externalid" -> externalId = text("externalId", given);
            case "displayname" -> displayName = text("displayName", given);
            case "nickname" -> nickName = text("nickName", given);
            case "title" -> title = text("title", given);
            case "department" -> department = text("department", given);
            case "organization" -> organization = text("organization", given);
            case "timezone" -> timezone = text("timezone", given);
            case "preferredlanguage" -> preferredLanguage = text("preferredLanguage", given);
            case "name.givenname" -> givenName = text("name.givenName", given);
            case "name.familyname" -> familyName = text("name.familyName", given);
            case "name.formatted" -> formatted = text("name.formatted", given);
            case "name" -> setName(given, replaceComplex);
            case "emails" -> setEmails(given);
            case "active" -> active = bool(given);
            case "id", "meta", "groups" -> throw ScimError.badRequest("mutability",
                    "The attribute '" + attribute + "' is read-only");
            default -> {
                if (attribute.regionMatches(true, 0, ATLASSIAN, 0, ATLASSIAN.length())) {
                    throw ScimError.badRequest("mutability", "The Atlassian account id is read-only");
                }
                if (ignoreUnknown) {
                    return;
                }
                throw ScimError.badRequest("invalidPath", "The attribute '" + attribute + "' is not supported");
            }
        }
    }

    private void setName(JsonNode value, boolean replaceWhole) {
        if (value == null) {
            givenName = null;
            familyName = null;
            formatted = null;
            return;
        }
        if (!value.isObject()) {
            throw ScimError.badRequest("invalidValue", "name must be an object");
        }
        if (replaceWhole) {
            givenName = null;
            familyName = null;
            formatted = null;
        }
        value.fields().forEachRemaining(field -> set("name." + field.getKey(), field.getValue(), false, true));
    }

    private void setEnterprise(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw ScimError.badRequest("invalidValue", "The enterprise extension must be an object");
        }
        value.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.equalsIgnoreCase("department") || name.equalsIgnoreCase("organization")) {
                set(name, field.getValue(), false, true);
            }
        });
    }

    private void setEmails(JsonNode value) {
        if (value == null) {
            throw ScimError.badRequest("mutability", "emails is required and cannot be removed");
        }
        if (!value.isArray() || value.isEmpty()) {
            throw ScimError.badRequest("invalidValue", "emails must be an array with one primary email");
        }
        JsonNode chosen = null;
        int primaries = 0;
        for (JsonNode candidate : value) {
            if (!candidate.isObject()) {
                throw ScimError.badRequest("invalidValue", "each email must be an object with a value");
            }
            if (candidate.path("primary").asBoolean(false)) {
                primaries++;
                chosen = candidate;
            }
        }
        if (primaries > 1) {
            throw ScimError.badRequest("invalidValue", "only one email may be primary");
        }
        if (chosen == null) {
            if (value.size() > 1) {
                throw ScimError.badRequest("invalidValue", "one of the emails must be primary");
            }
            chosen = value.get(0);
        }
        email = requiredEmail(chosen.get("value"));
        emailType = chosen.hasNonNull("type") ? chosen.get("type").asText() : "work";
    }

    private static String requiredEmail(JsonNode value) {
        String text = required("emails.value", value);
        int at = text.indexOf('@');
        if (at < 1 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0 || text.chars().anyMatch(Character::isWhitespace)) {
            throw ScimError.badRequest("invalidValue", "'" + text + "' is not an email address");
        }
        return text;
    }

    private static String required(String attribute, JsonNode value) {
        String text = text(attribute, value);
        if (text == null || text.isBlank()) {
            throw ScimError.badRequest(value == null ? "mutability" : "invalidValue",
                    attribute + " is required and cannot be empty");
        }
        return text;
    }

    private static String text(String attribute, JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw ScimError.badRequest("invalidValue", attribute + " must be a string");
        }
        return value.asText();
    }

    /** A boolean, or the strings "true"/"false" in any case, which Microsoft Entra ID sends. */
    private static Boolean bool(JsonNode value) {
        if (value == null) {
            throw ScimError.badRequest("mutability", "active cannot be removed; replace it with false");
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
        }
        throw ScimError.badRequest("invalidValue", "active must be true or false");
    }

    private void requireComplete() {
        if (userName == null || userName.isBlank()) {
            throw ScimError.badRequest("invalidValue", "userName is required");
        }
        if (email == null) {
            throw ScimError.badRequest("invalidValue", "emails with one primary email is required");
        }
    }

    /** The display name the other APIs show for the account. */
    String accountName() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        if (formatted != null && !formatted.isBlank()) {
            return formatted;
        }
        String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return joined.isEmpty() ? userName : joined;
    }

    /** Writes the draft to the account (checks such as uniqueness are the caller's, before this). */
    void writeTo(Account account, Instant now) {
        ScimProfile profile = account.scimProfile == null ? new ScimProfile() : account.scimProfile;
        if (profile.created == null) {
            profile.created = account.addedToOrg != null ? account.addedToOrg : now;
        }
        profile.userName = userName;
        profile.emailType = emailType == null ? "work" : emailType;
        profile.givenName = givenName;
        profile.familyName = familyName;
        profile.formatted = formatted;
        profile.displayName = displayName;
        profile.nickName = nickName;
        profile.organization = organization;
        profile.timezone = timezone;
        profile.preferredLanguage = preferredLanguage;
        profile.lastModified = now;
        account.scimProfile = profile;
        account.email = email;
        account.name = accountName();
        account.externalId = externalId;
        account.title = title;
        account.department = department;
        if (active != null && active != account.isActive()) {
            account.accountStatus = active ? "active" : "inactive";
            account.deactivatedOn = active ? null : now;
        }
    }
}
