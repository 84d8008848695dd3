package io.github.atlassianlifecycle.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/** Which query parameters an endpoint takes (its handlers' {@code @RequestParam}s), and the refusal of the rest. */
class QueryParametersTest {

    /** A controller of the shape of the request API's: two handlers of one endpoint, and others. */
    static class Endpoints {

        @PostMapping(consumes = "application/json")
        void submit(@RequestParam(name = "dryRun", required = false) String dryRun) {
        }

        @PostMapping(consumes = "!application/json")
        void submitNotJson() {
        }

        @GetMapping
        void list(@RequestParam(required = false) String accountId, @RequestParam(defaultValue = "0") int page) {
        }

        @PostMapping("/{id}/cancel")
        void cancel() {
        }
    }

    @Test
    void an_endpoint_takes_the_request_params_of_every_handler_of_its_path_and_method() {
        assertThat(QueryParameters.declared(method("submit"))).containsExactly("dryRun");
        assertThat(QueryParameters.declared(method("submitNotJson"))).containsExactly("dryRun");
        assertThat(QueryParameters.declared(method("list"))).containsExactly("accountId", "page");
        assertThat(QueryParameters.declared(method("cancel"))).isEmpty();
    }

    @Test
    void a_mistyped_or_unknown_parameter_is_named_and_a_known_one_passes() {
        Set<String> dryRun = Set.of("dryRun");

        assertThat(QueryParameters.refused("dryRun=true", dryRun)).isEmpty();
        assertThat(QueryParameters.refused(null, dryRun)).isEmpty();
        assertThat(fields(QueryParameters.refused("dryrun=true&dry-run&DryRun=true&dry%5Frun=1", dryRun)))
                .containsExactly("dryrun", "dry-run", "DryRun", "dry_run");
        assertThat(QueryParameters.refused("x=1", Set.of()).get(0).message()).contains("takes none");
    }

    @Test
    void a_parameter_given_twice_is_refused_so_no_one_guesses_which_counts() {
        List<FieldError> refused = QueryParameters.refused("dryRun=true&dryRun=false", Set.of("dryRun"));

        assertThat(fields(refused)).containsExactly("dryRun");
        assertThat(refused.get(0).message()).contains("2 times");
    }

    @Test
    void empty_pieces_of_a_query_are_no_parameters() {
        assertThat(QueryParameters.refused("&page=1&&", Set.of("page"))).isEmpty();
    }

    @Test
    void the_interceptor_refuses_before_the_handler_runs_and_lets_known_parameters_through() throws Exception {
        QueryParameters check = new QueryParameters();
        HandlerMethod list = new HandlerMethod(new Endpoints(), method("list"));
        MockHttpServletRequest good = new MockHttpServletRequest("GET", "/api/requests");
        good.setQueryString("page=2&accountId=a");
        MockHttpServletRequest bad = new MockHttpServletRequest("GET", "/api/requests");
        bad.setQueryString("page=2&pgae=3");

        assertThat(check.preHandle(good, new MockHttpServletResponse(), list)).isTrue();
        assertThatThrownBy(() -> check.preHandle(bad, new MockHttpServletResponse(), list))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(fields(e.errors())).containsExactly("pgae");
                    assertThat(e.detail()).contains("accountId, page");
                });
    }

    @Test
    void a_flag_is_exactly_true_or_false_or_absent() {
        assertThat(QueryParameters.flag("dryRun", "true")).isTrue();
        assertThat(QueryParameters.flag("dryRun", "false")).isFalse();
        assertThat(QueryParameters.flag("dryRun", null)).isFalse();
        for (String bad : List.of("", "TRUE", "True", "yes", "1", "on", "true,false", " true")) {
            assertThatThrownBy(() -> QueryParameters.flag("dryRun", bad)).as("'" + bad + "'")
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(fields(e.errors())).containsExactly("dryRun"));
        }
    }

    private static Method method(String name) {
        return Arrays.stream(Endpoints.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
