package io.github.atlassianlifecycle.notification;

/** A mail ready to send: subject and plain-text body. */
public record RenderedMail(String subject, String text) {

    @Override
    public String toString() { // never the body: a campaign notice carries the person's keep link
        return "RenderedMail[subject=" + subject + "]";
    }
}
