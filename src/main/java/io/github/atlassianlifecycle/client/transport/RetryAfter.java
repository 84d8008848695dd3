package io.github.atlassianlifecycle.client.transport;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * When a rate-limited call may be tried again. {@code Retry-After} wins (seconds, or an HTTP date); without it,
 * {@code X-RateLimit-Reset} (ISO-8601, or epoch seconds as some gateways send). The admin API's
 * {@code Retry-After} is unverified, so both are read.
 */
final class RetryAfter {

    private RetryAfter() {
    }

    static Instant parse(Function<String, String> header, Instant now) {
        Instant fromRetryAfter = retryAfter(header.apply("Retry-After"), now);
        return fromRetryAfter != null ? fromRetryAfter : rateLimitReset(header.apply("X-RateLimit-Reset"));
    }

    static Instant parse(Map<String, String> headers, Instant now) {
        return parse(name -> headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null), now);
    }

    private static Instant retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : now.plusSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Instant rateLimitReset(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.parse(trimmed);
            } catch (DateTimeParseException notInstant) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(trimmed));
                } catch (NumberFormatException notEpoch) {
                    return null;
                }
            }
        }
    }
}
