package io.github.atlassianlifecycle.simulator.scim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.atlassianlifecycle.simulator.core.Account;
import io.github.atlassianlifecycle.simulator.core.Group;
import io.github.atlassianlifecycle.simulator.core.ScimGroupInfo;
import io.github.atlassianlifecycle.simulator.core.ScimProfile;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;

/** How the simulated SCIM API shows users, groups, lists and its own configuration. Nulls are left out. */
final class ScimViews {

    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimViews() {
    }

    /** {@code base} is the directory's absolute URL, for {@code meta.location}. */
    static Map<String, Object> user(Account account, SimulatorState state, String base) {
        UserDraft user = UserDraft.of(account);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemas", List.of(UserDraft.SCHEMA, UserDraft.ATLASSIAN));
        view.put("id", account.scimId);
        put(view, "externalId", user.externalId);
        view.put("userName", user.userName);
        Map<String, Object> name = new LinkedHashMap<>();
        put(name, "givenName", user.givenName);
        put(name, "familyName", user.familyName);
        put(name, "formatted", user.formatted);
        if (!name.isEmpty()) {
            view.put("name", name);
        }
        put(view, "displayName", user.displayName);
        put(view, "nickName", user.nickName);
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("value", user.email);
        email.put("type", user.emailType == null ? "work" : user.emailType);
        email.put("primary", true);
        view.put("emails", List.of(email));
        put(view, "title", user.title);
        put(view, "department", user.department);
        put(view, "organization", user.organization);
        put(view, "timezone", user.timezone);
        put(view, "preferredLanguage", user.preferredLanguage);
        view.put("active", account.isActive());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String groupId : account.orgGroupIds) {
            Group group = state.orgGroups().get(groupId);
            if (group != null && group.managedByScim) {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("value", group.id);
                ref.put("display", group.name);
                ref.put("type", "direct");
                ref.put("$ref", base + "/Groups/" + group.id);
                groups.add(ref);
            }
        }
        view.put("groups", groups);
        view.put(UserDraft.ATLASSIAN, Map.of("atlassianAccountId", account.accountId));
        ScimProfile profile = account.scimProfile;
        Instant created = profile != null && profile.created != null ? profile.created : account.addedToOrg;
        Instant modified = profile != null && profile.lastModified != null ? profile.lastModified : created;
        view.put("meta", meta("User", base + "/Users/" + account.scimId, created, modified));
        return view;
    }

    static Map<String, Object> group(Group group, ScimGroupInfo info, SimulatorState state, String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemas", List.of(GROUP_SCHEMA));
        view.put("id", group.id);
        put(view, "externalId", info.externalId);
        view.put("displayName", group.name);
        List<Map<String, Object>> members = new ArrayList<>();
        for (Account account : state.accounts()) {
            if (account.scimId != null && account.orgGroupIds.contains(group.id)) {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("type", "User");
                member.put("value", account.scimId);
                member.put("display", account.name);
                member.put("$ref", base + "/Users/" + account.scimId);
                members.add(member);
            }
        }
        view.put("members", members);
        view.put("meta", meta("Group", base + "/Groups/" + group.id, info.created, info.lastModified));
        return view;
    }

    static Map<String, Object> list(List<?> resources, int totalResults, int startIndex) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemas", List.of(LIST_SCHEMA));
        view.put("totalResults", totalResults);
        view.put("startIndex", startIndex);
        view.put("itemsPerPage", resources.size());
        view.put("Resources", resources);
        return view;
    }

    static Map<String, Object> serviceProviderConfig(int maxResults) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"));
        view.put("documentationUri", "https://developer.atlassian.com/cloud/admin/user-provisioning/rest/");
        view.put("patch", Map.of("supported", true));
        view.put("bulk", Map.of("supported", false, "maxOperations", 0, "maxPayloadSize", 0));
        view.put("filter", Map.of("supported", true, "maxResults", maxResults));
        view.put("changePassword", Map.of("supported", false));
        view.put("sort", Map.of("supported", false));
        view.put("etag", Map.of("supported", false));
        view.put("authenticationSchemes", List.of(Map.of("type", "oauthbearertoken", "name", "OAuth Bearer Token",
                "description", "The directory's SCIM API key as a Bearer token", "primary", true)));
        return view;
    }

    static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    /** Every schema the directory serves: core user and group, the enterprise and the Atlassian user extensions. */
    static Map<String, Object> schemas(String base) {
        List<Object> schemas = new ArrayList<>();
        for (String id : List.of(UserDraft.SCHEMA, GROUP_SCHEMA, UserDraft.ENTERPRISE, UserDraft.ATLASSIAN)) {
            schemas.add(schema(id, base));
        }
        return list(schemas, schemas.size(), 1);
    }

    /** The schema with this URN, or null. */
    static Map<String, Object> schema(String id, String base) {
        if (UserDraft.SCHEMA.equals(id)) {
            return schema(id, "User", "User Account", List.of(
                    attribute("userName", "string", false, true, false, "readWrite", "server"),
                    complex("name", List.of(
                            attribute("givenName", "string", false, false, false, "readWrite", "none"),
                            attribute("familyName", "string", false, false, false, "readWrite", "none"),
                            attribute("formatted", "string", false, false, false, "readWrite", "none"))),
                    attribute("displayName", "string", false, false, false, "readWrite", "none"),
                    attribute("nickName", "string", false, false, false, "readWrite", "none"),
                    attribute("emails", "complex", true, true, false, "readWrite", "none"),
                    attribute("title", "string", false, false, false, "readWrite", "none"),
                    attribute("department", "string", false, false, false, "readWrite", "none"),
                    attribute("organization", "string", false, false, false, "readWrite", "none"),
                    attribute("timezone", "string", false, false, false, "readWrite", "none"),
                    attribute("preferredLanguage", "string", false, false, false, "readWrite", "none"),
                    attribute("active", "boolean", false, false, false, "readWrite", "none"),
                    attribute("externalId", "string", false, false, true, "readWrite", "none"),
                    attribute("groups", "complex", true, false, false, "readOnly", "none")), base);
        }
        if (GROUP_SCHEMA.equals(id)) {
            return schema(id, "Group", "Group", List.of(
                    attribute("displayName", "string", false, true, false, "immutable", "server"),
                    attribute("members", "complex", true, false, false, "readWrite", "none"),
                    attribute("externalId", "string", false, false, true, "readWrite", "none")), base);
        }
        if (UserDraft.ENTERPRISE.equals(id)) {
            return schema(id, "EnterpriseUser", "Enterprise User", List.of(
                    attribute("organization", "string", false, false, false, "readWrite", "none"),
                    attribute("department", "string", false, false, false, "readWrite", "none")), base);
        }
        if (UserDraft.ATLASSIAN.equals(id)) {
            return schema(id, "AtlassianExternal", "The Atlassian account of a user", List.of(
                    attribute("atlassianAccountId", "string", false, false, true, "readOnly", "server")), base);
        }
        return null;
    }

    /** The two kinds of resource the directory serves. */
    static Map<String, Object> resourceTypes(String base) {
        List<Object> types = List.of(resourceType("User", base), resourceType("Group", base));
        return list(types, types.size(), 1);
    }

    /** The resource type {@code User} or {@code Group}, or null. */
    static Map<String, Object> resourceType(String name, String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemas", List.of(RESOURCE_TYPE_SCHEMA));
        switch (name) {
            case "User" -> {
                view.put("id", "User");
                view.put("name", "User");
                view.put("endpoint", "/Users");
                view.put("description", "User Account");
                view.put("schema", UserDraft.SCHEMA);
                view.put("schemaExtensions", List.of(Map.of("schema", UserDraft.ENTERPRISE, "required", false),
                        Map.of("schema", UserDraft.ATLASSIAN, "required", false)));
            }
            case "Group" -> {
                view.put("id", "Group");
                view.put("name", "Group");
                view.put("endpoint", "/Groups");
                view.put("description", "Group");
                view.put("schema", GROUP_SCHEMA);
            }
            default -> {
                return null;
            }
        }
        view.put("meta", Map.of("location", base + "/ResourceTypes/" + name, "resourceType", "ResourceType"));
        return view;
    }

    private static Map<String, Object> schema(String id, String name, String description, List<Object> attributes,
            String base) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("schemas", List.of(SCHEMA_SCHEMA));
        view.put("id", id);
        view.put("name", name);
        view.put("description", description);
        view.put("attributes", attributes);
        view.put("meta", Map.of("resourceType", "Schema", "location", base + "/Schemas/" + id));
        return view;
    }

    private static Map<String, Object> attribute(String name, String type, boolean multiValued, boolean required,
            boolean caseExact, String mutability, String uniqueness) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("type", type);
        view.put("multiValued", multiValued);
        view.put("required", required);
        view.put("caseExact", caseExact);
        view.put("mutability", mutability);
        view.put("returned", "default");
        view.put("uniqueness", uniqueness);
        return view;
    }

    private static Map<String, Object> complex(String name, List<Object> subAttributes) {
        Map<String, Object> view = attribute(name, "complex", false, false, false, "readWrite", "none");
        view.put("subAttributes", subAttributes);
        return view;
    }

    private static Map<String, Object> meta(String resourceType, String location, Instant created, Instant modified) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", resourceType);
        meta.put("location", location);
        put(meta, "created", created == null ? null : created.toString());
        put(meta, "lastModified", modified == null ? null : modified.toString());
        return meta;
    }

    private static void put(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
