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
    void production_with_a_strong_password_starts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(ProductionSettingsCheck.ADMIN_PASSWORD, "correct-horse-battery-staple");
        assertThatCode(() -> ProductionSettingsCheck.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void the_demo_profile_needs_no_password_from_the_environment() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");
        assertThatCode(() -> ProductionSettingsCheck.check(environment)).doesNotThrowAnyException();
    }
}
