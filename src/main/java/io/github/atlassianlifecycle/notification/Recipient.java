package io.github.atlassianlifecycle.notification;

/** A person to tell: their user id (for the log) and their mail address (null when they have none). */
public record Recipient(String userId, String email) {

    boolean reachable() {
        return email != null && !email.isBlank();
    }
}
