package io.github.atlassianlifecycle.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import io.github.atlassianlifecycle.client.jira.JiraUser;

/**
 * The clients' JSON is Atlassian's whatever the host application chose for its own API: found by the host-application
 * test, where a host with {@code spring.jackson.property-naming-strategy: SNAKE_CASE} had every Jira read lose its
 * {@code accountId} (answers read as {@code account_id}) and so never find the user.
 */
class AtlassianJsonTest {

    private final ObjectMapper snakeCaseHost = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    @Test
    void a_host_applications_naming_strategy_does_not_rename_atlassians_fields_in_answers() throws Exception {
        JiraUser user = AtlassianClientAutoConfiguration.atlassianJson(snakeCaseHost).readValue(
                "{\"accountId\":\"5b10ac8d82e05b22cc7d4ef5\",\"emailAddress\":\"mia@example.com\",\"active\":true}",
                JiraUser.class);

        assertThat(user.accountId()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(user.emailAddress()).isEqualTo("mia@example.com");
    }

    @Test
    void a_host_applications_naming_strategy_does_not_rename_atlassians_fields_in_bodies() throws Exception {
        record Body(String accountId, String emailAddress) {
        }
        String json = AtlassianClientAutoConfiguration.atlassianJson(snakeCaseHost)
                .writeValueAsString(new Body("5b10ac8d82e05b22cc7d4ef5", null));

        assertThat(new ObjectMapper().readValue(json, Map.class)).isEqualTo(Map.of("accountId", "5b10ac8d82e05b22cc7d4ef5"));
    }
}
