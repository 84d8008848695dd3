package io.github.atlassianlifecycle.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;

/** Every client, the transport and the clock back off when the application defines its own. */
class AtlassianClientBackOffTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, AtlassianClientAutoConfiguration.class))
            .withPropertyValues("atlassian.org-id=acme", "atlassian.directory-id=dir", "atlassian.org-api-key=key",
                    "atlassian.scim-api-key=scim-key", "atlassian.site-url=https://acme.atlassian.net",
                    "atlassian.site-email=admin@acme.example", "atlassian.site-api-token=token",
                    "atlassian.bitbucket-url=https://bitbucket.acme.example", "atlassian.bitbucket-token=token");

    static List<Class<?>> overridable() {
        return List.of(Clock.class, AtlassianHttpTransport.class, UserManagementClient.class, OrganizationsClient.class,
                ScimClient.class, JiraClient.class, ConfluenceClient.class, BitbucketClient.class);
    }

    @ParameterizedTest
    @MethodSource("overridable")
    void without_a_bean_of_the_applications_own_the_plugin_supplies_one(Class<?> type) {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(type));
    }

    @ParameterizedTest
    @MethodSource("overridable")
    <T> void the_applications_own_bean_replaces_the_plugins(Class<T> type) {
        T own = type == Clock.class ? type.cast(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)) : mock(type);
        if (own instanceof AtlassianHttpTransport transport) {
            when(transport.json()).thenReturn(new ObjectMapper()); // the clients read their types from it
        }
        runner.withBean("applicationsOwn", type, () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(type);
            assertThat(context.getBean(type)).isSameAs(own);
        });
    }

    @org.junit.jupiter.api.Test
    void the_transport_writes_atlassian_bodies_its_own_way_whatever_the_applications_json_settings() {
        runner.withPropertyValues("spring.jackson.default-property-inclusion=always",
                "spring.jackson.deserialization.fail-on-unknown-properties=true").run(context -> {
                    ObjectMapper application = context.getBean(ObjectMapper.class);
                    ObjectMapper atlassian = context.getBean(AtlassianHttpTransport.class).json();
                    assertThat(application.getSerializationConfig().getDefaultPropertyInclusion().getValueInclusion())
                            .as("the application's own choice is untouched").isEqualTo(JsonInclude.Include.ALWAYS);
                    assertThat(atlassian.writeValueAsString(new Body("x", null))).isEqualTo("{\"name\":\"x\"}");
                    assertThat(atlassian.readValue("{\"name\":\"x\",\"addedByAtlassian\":1}", Body.class).name())
                            .isEqualTo("x");
                    assertThat(application.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
                });
    }

    record Body(String name, String nickname) {
    }
}
