package io.github.atlassianlifecycle.client;

import java.util.Locale;

import org.apache.http.impl.EnglishReasonPhraseCatalog;

/**
 * An HTTP status as an operator reads it in an incident: {@code 500 Internal Server Error}, {@code 429 Too Many
 * Requests}. The words are the standard reason phrase, never the server's own text (which could say anything).
 */
final class StatusWords {

    private StatusWords() {
    }

    static String of(int status) {
        String words = status < 100 || status > 599 ? null : EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return words == null ? String.valueOf(status) : status + " " + words;
    }
}
