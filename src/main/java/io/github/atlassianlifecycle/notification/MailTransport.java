package io.github.atlassianlifecycle.notification;

/** Hands one mail to the SMTP server; returns when the server accepted it. */
public interface MailTransport {

    /** @throws RuntimeException when the server cannot be reached or refuses the mail */
    void send(String to, RenderedMail mail);
}
