package io.github.atlassianlifecycle.notification;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Spring Mail's sender, as a transport: plain text, one recipient per mail (no one sees who else was told). */
final class SpringMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final String from;

    SpringMailTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(String to, RenderedMail mail) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(mail.subject());
        message.setText(mail.text());
        sender.send(message);
    }
}
