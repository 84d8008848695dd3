package io.github.atlassianlifecycle.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;

/** Bad settings stop the application at startup with a message that names them and shows no key. */
class AtlassianSettingsStartupTest {

    static final String SECRET = "very-secret-org-key";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, AtlassianClientAutoConfiguration.class));

    @Test
    void missing_settings_stop_startup_naming_each_one() {
        runner.withPropertyValues("atlassian.org-api-key=" + SECRET + " with a space").run(context -> {
            assertThat(context).hasFailed();
            String message = fullMessage(context.getStartupFailure());
            assertThat(message).contains("atlassian.org-id is missing: set ATLASSIAN_ORG_ID")
                    .contains("atlassian.directory-id is missing")
                    .contains("atlassian.org-api-key (ATLASSIAN_ORG_API_KEY) contains whitespace")
                    .doesNotContain(SECRET);
        });
    }

    @Test
    void a_relative_url_stops_startup_naming_the_setting() {
        runner.withPropertyValues("atlassian.org-id=acme", "atlassian.directory-id=dir", "atlassian.org-api-key=" + SECRET,
                "atlassian.api-url=/sim/api").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(fullMessage(context.getStartupFailure()))
                            .contains("atlassian.api-url (ATLASSIAN_API_URL) must be an absolute http(s) URL, not a path")
                            .doesNotContain(SECRET);
                });
    }

    @Test
    void good_settings_give_working_clients() {
        runner.withPropertyValues("atlassian.org-id=acme", "atlassian.directory-id=dir", "atlassian.org-api-key=" + SECRET)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(UserManagementClient.class);
                    assertThat(context.getBean(AtlassianProperties.class).toString()).doesNotContain(SECRET);
                });
    }

    private static String fullMessage(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
