package io.github.atlassianlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    final MailTemplates templates = MailTemplates.load();

    @Test
    void every_kind_has_a_template_that_uses_every_input_of_its_record() {
        for (MailKind kind : MailKind.values()) {
            MailInputs inputs = sample(kind);
            RenderedMail mail = templates.render(kind, inputs);
            String whole = mail.subject() + "\n" + mail.text();
            for (RecordComponent component : kind.inputs().getRecordComponents()) {
                assertThat(whole).as(kind + " shows " + component.getName()).contains("<" + component.getName() + ">");
            }
            assertThat(whole).as(kind + ": every placeholder filled").doesNotContainPattern("\\{[A-Za-z]+}");
        }
    }

    @Test
    void an_approval_mail_carries_the_task_link_and_a_one_line_subject() {
        RenderedMail mail = templates.render(MailKind.APPROVAL_WAITING, new ApprovalMail("r-1", "disable",
                "ada@acme.com", "riley", "left\nthe company", "Approve disable", "lifecycle-approvers",
                "https://lifecycle.acme.com/camunda/app/tasklist/default/#/?task=t-1"));
        assertThat(mail.subject()).isEqualTo("Approval needed: disable ada@acme.com");
        assertThat(mail.text()).contains("https://lifecycle.acme.com/camunda/app/tasklist/default/#/?task=t-1")
                .contains("riley asks to disable the Atlassian account ada@acme.com");
    }

    @Test
    void a_value_left_empty_reads_as_a_dash_not_as_null() {
        RenderedMail mail = templates.render(MailKind.REQUEST_OUTCOME, new OutcomeMail("r-1", "enable", "ada",
                "applied", null, "https://x/api/requests/r-1"));
        assertThat(mail.text()).contains("Comment: -").doesNotContain("null");
    }

    @Test
    void a_template_naming_an_input_its_kind_lacks_stops_the_start_with_the_name() {
        assertThatThrownBy(() -> MailTemplate.parse(MailKind.REQUEST_OUTCOME, "/notification/x.txt",
                "Subject {outcome}\n\nHello {requestr}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/notification/x.txt")
                .hasMessageContaining("{requestr}").hasMessageContaining("OutcomeMail");
    }

    @Test
    void a_template_without_its_subject_line_is_refused() {
        assertThatThrownBy(() -> MailTemplate.parse(MailKind.REQUEST_OUTCOME, "/notification/x.txt", "one line"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("subject line");
    }

    @Test
    void a_campaign_notice_prints_without_its_keep_link() {
        assertThat(new CampaignNoticeMail("acc", "https://x/api/campaigns/keep/secret-token", "2026-01-01").toString())
                .doesNotContain("secret-token");
    }

    /** Each component's value is its own name in angle brackets, so the test sees where each one lands. */
    static MailInputs sample(MailKind kind) {
        RecordComponent[] components = kind.inputs().getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> "<" + c.getName() + ">").toArray();
        try {
            return (MailInputs) kind.inputs().getDeclaredConstructor(Arrays.stream(components)
                    .map(RecordComponent::getType).toArray(Class[]::new)).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
