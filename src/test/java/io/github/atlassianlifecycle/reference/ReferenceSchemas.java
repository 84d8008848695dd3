package io.github.atlassianlifecycle.reference;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas (draft 2020-12) written from Atlassian's OpenAPI reference, one per documented response shape,
 * under {@code classpath:atlassian/<family>/schemas/}. A schema may {@code $ref} another of its family by relative
 * file name. Bodies are handed over as text, so no type of the validator's own Jackson leaks into the tests.
 */
public final class ReferenceSchemas {

    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ConcurrentMap<String, Schema> LOADED = new ConcurrentHashMap<>();

    private ReferenceSchemas() {
    }

    /** The classpath location of a family's schema, e.g. {@code atlassian/organizations/schemas/user.schema.json}. */
    public static String location(String family, String schema) {
        return DocumentedAnswers.ROOT + "/" + family + "/schemas/" + schema;
    }

    /** What is wrong with {@code json} measured against the schema; empty when it is valid. */
    public static List<String> violations(String family, String schema, String json) {
        Schema loaded = LOADED.computeIfAbsent(location(family, schema),
                location -> REGISTRY.getSchema(SchemaLocation.of("classpath:" + location)));
        return loaded.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
