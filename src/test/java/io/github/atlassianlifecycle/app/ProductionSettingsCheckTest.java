package io.github.atlassianlifecycle.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsCheckTest {

    @Test
    void production_without_an_admin_password_does_not_start() {
        MockEnvironment environment = new MockEnvironment();
        assertThatThrownBy(() -> ProductionSettingsCheck.check(environment))
                .hasMessageContaining("LIFECYCLE_ADMIN_PASSWORD");
    }

    @Test
    void production_with_a_demo_password_does_not_start_and_the_message_does_not_repeat_it() {
        MockEnvironment environment = new MockEnvironment().withProperty(ProductionSettingsCheck.ADMIN_PASSWORD, "approver");
        assertThatThrownBy(() -> ProductionSettingsCheck.check(environment))
                .hasMessageContaining("demo password").hasMessageNotContaining("approver");
    }

    @Test
    void production_with_a_short_password_does_not_start() {
        MockEnvironment environment = new MockEnvironment().withProperty(ProductionSettingsCheck.ADMIN_PASSWORD, "Xk9!short");
        assertThatThrownBy(() -> ProductionSettingsCheck.check(environment)).hasMessageContaining("12 characters");
    }

    @Test
    void production_with_a_strong_password_and_a_persistent_database_starts() {
        MockEnvironment environment = production("jdbc:postgresql://db.internal:5432/lifecycle");
        assertThatCode(() -> ProductionSettingsCheck.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void production_without_a_database_url_does_not_start_and_names_SPRING_DATASOURCE_URL() {
        for (String missing : new String[] { null, "", "   " }) {
            MockEnvironment environment = production(missing);
            assertThatThrownBy(() -> ProductionSettingsCheck.check(environment)).as(String.valueOf(missing))
                    .hasMessageContaining("SPRING_DATASOURCE_URL");
        }
    }

    @Test
    void production_on_an_in_memory_database_does_not_start_and_never_repeats_the_url() {
        for (String url : new String[] { "jdbc:h2:mem:lifecycle-secret", "JDBC:H2:MEM:lifecycle-secret;DB_CLOSE_DELAY=-1",
                "jdbc:h2:tcp://localhost/mem:lifecycle-secret", "jdbc:hsqldb:mem:lifecycle-secret",
                "jdbc:derby:memory:lifecycle-secret;create=true", "jdbc:sqlite::memory:",
                "jdbc:sqlite:file:lifecycle-secret?mode=memory" }) {
            MockEnvironment environment = production(url);
            assertThatThrownBy(() -> ProductionSettingsCheck.check(environment)).as(url)
                    .hasMessageContaining("SPRING_DATASOURCE_URL").hasMessageContaining("in-memory")
                    .hasMessageNotContaining("lifecycle-secret");
        }
    }

    @Test
    void a_file_database_counts_as_persistent() {
        assertThatCode(() -> ProductionSettingsCheck.check(production("jdbc:h2:file:/var/lib/lifecycle/db")))
                .doesNotThrowAnyException();
    }

    @Test
    void the_demo_and_simulator_profiles_need_no_database_url() {
        for (String profile : new String[] { "demo", "simulator" }) {
            MockEnvironment environment = new MockEnvironment();
            environment.setActiveProfiles(profile);
            assertThatCode(() -> ProductionSettingsCheck.check(environment)).as(profile).doesNotThrowAnyException();
        }
    }

    private static MockEnvironment production(String datasourceUrl) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ProductionSettingsCheck.ADMIN_PASSWORD, "correct-horse-battery-staple");
        if (datasourceUrl != null) {
            environment.setProperty("spring.datasource.url", datasourceUrl);
        }
        return environment;
    }

    @Test
    void the_demo_profile_needs_no_password_from_the_environment() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");
        assertThatCode(() -> ProductionSettingsCheck.check(environment)).doesNotThrowAnyException();
    }
}
