package io.github.atlassianlifecycle.notification;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One kind's template, {@code notification/<kind>.txt}: the first line is the subject, a blank line, then the body;
 * {@code {name}} is replaced by the input record's component of that name. Loading refuses a placeholder the record
 * does not have, so a typo stops the application at startup instead of reaching a person.
 */
final class MailTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final MailKind kind;
    private final String subject;
    private final String body;

    private MailTemplate(MailKind kind, String subject, String body) {
        this.kind = kind;
        this.subject = subject;
        this.body = body;
    }

    static MailTemplate load(MailKind kind) {
        String resource = "/notification/" + kind.id() + ".txt";
        String text;
        try (InputStream in = MailTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The mail template " + resource + " is missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The mail template " + resource + " cannot be read", e);
        }
        return parse(kind, resource, text);
    }

    /** The template of {@code text}, read from {@code resource} (named in the errors). */
    static MailTemplate parse(MailKind kind, String resource, String text) {
        text = text.replace("\r\n", "\n");
        int split = text.indexOf("\n\n");
        if (split < 0) {
            throw new IllegalStateException("The mail template " + resource
                    + " must start with its subject line, then a blank line, then the body");
        }
        Set<String> known = Arrays.stream(kind.inputs().getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            if (!known.contains(placeholders.group(1))) {
                throw new IllegalStateException("The mail template " + resource + " names {" + placeholders.group(1)
                        + "}, which " + kind.inputs().getSimpleName() + " does not have; it has " + known);
            }
        }
        return new MailTemplate(kind, text.substring(0, split).strip(), text.substring(split + 2));
    }

    RenderedMail render(MailInputs inputs) {
        if (!kind.inputs().isInstance(inputs)) {
            throw new IllegalArgumentException(kind + " mails are written from " + kind.inputs().getSimpleName());
        }
        // A subject is one line whatever a value holds (a reason typed with a line break).
        return new RenderedMail(fill(subject, inputs).replaceAll("\\s+", " "), fill(body, inputs));
    }

    private static String fill(String text, MailInputs inputs) {
        Matcher placeholders = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholders.find()) {
            placeholders.appendReplacement(out, Matcher.quoteReplacement(value(inputs, placeholders.group(1))));
        }
        placeholders.appendTail(out);
        return out.toString();
    }

    private static String value(MailInputs inputs, String name) {
        for (RecordComponent component : inputs.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    Object value = component.getAccessor().invoke(inputs);
                    return value == null || value.toString().isBlank() ? "-" : value.toString();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no " + name); // load() checked every placeholder
    }
}
