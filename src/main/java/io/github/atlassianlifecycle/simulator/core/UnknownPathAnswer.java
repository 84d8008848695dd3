package io.github.atlassianlifecycle.simulator.core;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a path no simulated endpoint serves answers. Atlassian's references do not say, so it is switchable
 * ({@code PUT /sim/_control/behaviour {"unknownPathAnswer": "gone"}}); see {@link UnknownPaths}.
 */
public enum UnknownPathAnswer {
    /** 404 in the API's own error envelope, without any endpoint's not-found code (the default). */
    NOT_FOUND,
    /** 410 in the API's own error envelope: the endpoint was retired. */
    GONE,
    /** 404 as plain text, as a gateway in front of the API might answer. */
    PLAIN;

    /** The switch's value: {@code not-found}, {@code gone} or {@code plain}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static UnknownPathAnswer of(Object value) {
        return Arrays.stream(values()).filter(answer -> answer.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknownPathAnswer must be one of "
                        + Arrays.stream(values()).map(UnknownPathAnswer::value).toList()));
    }
}
