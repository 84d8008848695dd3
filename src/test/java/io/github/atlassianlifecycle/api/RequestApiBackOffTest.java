package io.github.atlassianlifecycle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.request.RequestService;
import io.swagger.v3.oas.models.OpenAPI;
import io.github.atlassianlifecycle.api.request.RequestController;

/** The request API's pieces back off when the application defines its own; the API switch turns them all off. */
class RequestApiBackOffTest {

    final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withBean(RequestService.class, () -> mock(RequestService.class))
            .withBean(RequestRepository.class, () -> mock(RequestRepository.class))
            .withBean(Clock.class, Clock::systemUTC)
            .withConfiguration(AutoConfigurations.of(RequestApiAutoConfiguration.class));

    record Piece(Class<?> type, Supplier<Object> own) {
        @Override
        public String toString() {
            return type.getSimpleName();
        }
    }

    static List<Piece> pieces() {
        return List.of(new Piece(RequestController.class, () -> mock(RequestController.class)),
                new Piece(Problems.class, () -> new Problems(Clock.systemUTC())), new Piece(OpenAPI.class, OpenAPI::new));
    }

    @ParameterizedTest
    @MethodSource("pieces")
    void without_a_bean_of_the_applications_own_the_plugin_supplies_it(Piece piece) {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(piece.type()));
    }

    @ParameterizedTest
    @MethodSource("pieces")
    @SuppressWarnings("unchecked")
    void the_applications_own_bean_replaces_the_plugins(Piece piece) {
        Object own = piece.own().get();
        runner.withBean("applicationsOwn", (Class<Object>) piece.type(), () -> own).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(piece.type());
            assertThat(context.getBean(piece.type())).isSameAs(own);
        });
    }

    @Test
    void atlassian_api_enabled_false_leaves_out_the_whole_api() {
        runner.withPropertyValues("atlassian.api.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(RequestController.class).doesNotHaveBean(Problems.class).doesNotHaveBean(OpenAPI.class));
    }
}
