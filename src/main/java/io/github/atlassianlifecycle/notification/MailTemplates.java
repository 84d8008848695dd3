package io.github.atlassianlifecycle.notification;

import java.util.EnumMap;
import java.util.Map;

/** Every kind's template, loaded and checked once. */
public final class MailTemplates {

    private final Map<MailKind, MailTemplate> templates = new EnumMap<>(MailKind.class);

    private MailTemplates() {
        for (MailKind kind : MailKind.values()) {
            templates.put(kind, MailTemplate.load(kind));
        }
    }

    /** @throws IllegalStateException naming the template that is missing or names an input its kind lacks */
    public static MailTemplates load() {
        return new MailTemplates();
    }

    public RenderedMail render(MailKind kind, MailInputs inputs) {
        return templates.get(kind).render(inputs);
    }
}
