package io.github.atlassianlifecycle.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.simulator.core.SimulatorProperties;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;
import io.github.atlassianlifecycle.support.LogCapture;

/**
 * The application as production runs it: no demo profile, every setting from outside (here as properties: an H2
 * database in memory, a strong administrator password, the organization's ids and key; the Atlassian URL points
 * nowhere and is never called). It starts, has no demo users and no simulator, and lets in only the configured
 * administrator. Started the way {@code main} starts it, it refuses a demo password, a missing password and missing
 * Atlassian settings, naming what is wrong and never printing a password or key.
 */
@SpringBootTest(classes = AtlassianLifecycleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:production-profile-it;DB_CLOSE_DELAY=-1",
                "camunda.bpm.process-engine-name=" + ProductionProfileIT.ENGINE,
                "camunda.bpm.admin-user.password=" + ProductionProfileIT.ADMIN_PASSWORD,
                "atlassian.org-id=acme-org",
                "atlassian.directory-id=acme-directory",
                "atlassian.org-api-key=" + ProductionProfileIT.ORG_KEY,
                "atlassian.api-url=http://127.0.0.1:1",
                // The Camunda webapps keep their runtime in static fields: a second copy started here would take
                // them over from the shared demo context that the browser tests use.
                "camunda.bpm.webapp.enabled=false" })
@ActiveProfiles("prodtest")
@DirtiesContext
class ProductionProfileIT {

    /**
     * Its own engine name: Camunda keeps engines in a JVM-wide registry by name, and {@code /engine-rest} without a
     * name answers from the one called "default", which is the shared {@code @DemoAppTest} context's.
     */
    static final String ENGINE = "productionProfileIT";

    static final String ADMIN_PASSWORD = "Prod-Admin-4b7e91c2d0";
    static final String ORG_KEY = "PRODKEY-ORG-e3a90f5c71";
    static final List<String> DEMO_USERS = List.of("demo", "requester", "approver", "security", "automation");

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Test
    void it_starts_without_the_demo_profile_and_creates_no_demo_users() {
        assertThat(environment.getActiveProfiles()).containsExactly("prodtest");
        String admin = environment.getProperty("camunda.bpm.admin-user.id");
        assertThat(admin).isEqualTo("admin");
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly(admin);
        for (String demo : DEMO_USERS) {
            assertThat(identity.createUserQuery().userId(demo).count()).as(demo).isZero();
        }
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
                .containsExactly(admin);
    }

    @Test
    void the_simulator_is_not_served() {
        assertThat(context.getBeansOfType(SimulatorState.class)).isEmpty();
        assertThat(context.getBeansOfType(SimulatorProperties.class)).isEmpty();
        for (String path : List.of("/sim/_control/accounts", "/sim/api/users/x/manage/lifecycle/disable",
                "/sim/site/rest/api/3/user?accountId=x")) {
            int status = http(null, null).get().uri(path).retrieve().toBodilessEntity().getStatusCode().value();
            assertThat(status).as(path).isIn(401, 404);
        }
        int asAdmin = http("admin", ADMIN_PASSWORD).get().uri("/sim/_control/accounts").retrieve().toBodilessEntity()
                .getStatusCode().value();
        assertThat(asAdmin).isIn(401, 404);
    }

    @Test
    void anonymous_callers_get_401_and_only_the_configured_administrator_gets_in() {
        for (String path : List.of("/api/requests", "/engine-rest/user", "/engine-rest/process-definition",
                "/actuator/metrics")) {
            ResponseEntity<String> anonymous = http(null, null).get().uri(path).retrieve().toEntity(String.class);
            assertThat(anonymous.getStatusCode().value()).as(path).isEqualTo(401);
        }
        ResponseEntity<String> requests = http("admin", ADMIN_PASSWORD).get().uri("/api/requests").retrieve()
                .toEntity(String.class);
        assertThat(requests.getStatusCode().value()).isEqualTo(200);
        assertThat(requests.getBody()).contains("\"items\":[]");
        ResponseEntity<String> users = http("admin", ADMIN_PASSWORD).get().uri("/engine-rest/engine/" + ENGINE + "/user")
                .retrieve().toEntity(String.class);
        assertThat(users.getStatusCode().value()).as(users.getBody()).isEqualTo(200);
        assertThat(users.getBody()).contains("\"id\":\"admin\"").doesNotContain("requester", "approver");
        // The demo logins do not exist here (user names that do not exist, so no account gets locked).
        for (String demo : DEMO_USERS) {
            assertThat(http(demo, demo).get().uri("/api/requests").retrieve().toBodilessEntity().getStatusCode().value())
                    .as(demo).isEqualTo(401);
        }
        // Health is open to probes: the application is alive, and the whole is DOWN because the Atlassian URL here
        // points nowhere (the organizations API's indicator says so, to administrators only).
        assertThat(http(null, null).get().uri("/actuator/health/liveness").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(200);
        ResponseEntity<String> health = http(null, null).get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(503);
        assertThat(health.getBody()).contains("\"status\":\"DOWN\"").doesNotContain("components", ORG_KEY);
    }

    // ---- started the way main starts it

    @Test
    void main_refuses_a_demo_password_naming_the_setting_and_not_the_password() {
        Refusal refusal = startLikeMain(AtlassianLifecycleApplication::main, "--camunda.bpm.admin-user.password=approver");
        assertThat(refusal.message()).contains("LIFECYCLE_ADMIN_PASSWORD").doesNotContain("approver");
        assertThat(refusal.logs()).noneMatch(line -> line.contains("approver"));
    }

    @Test
    void a_demo_or_short_password_is_refused_and_never_repeated() {
        for (String weak : List.of("Changeme", "AUTOMATION", "Xq7#shrt")) {
            Refusal refusal = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=" + weak);
            assertThat(refusal.message()).as(weak).contains("LIFECYCLE_ADMIN_PASSWORD")
                    .doesNotContainIgnoringCase(weak);
            assertThat(refusal.logs()).as(weak).noneMatch(line -> line.toLowerCase().contains(weak.toLowerCase()));
        }
    }

    @Test
    void without_an_admin_password_from_the_environment_it_does_not_start() {
        // An empty value on the command line stands for "not set", whatever this machine's environment holds.
        Refusal missing = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=");
        assertThat(missing.message()).contains("No administrator password").contains("LIFECYCLE_ADMIN_PASSWORD");
        Refusal blank = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=  ");
        assertThat(blank.message()).contains("LIFECYCLE_ADMIN_PASSWORD");
    }

    @Test
    void without_a_database_url_it_does_not_start_and_names_SPRING_DATASOURCE_URL() {
        // An empty value on the command line stands for "not set", whatever this machine's environment holds.
        Refusal refusal = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--spring.datasource.url=");
        assertThat(refusal.message()).contains("No database").contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void an_in_memory_database_is_refused_naming_SPRING_DATASOURCE_URL_and_never_its_value() {
        String secret = "inmemory-db-4c1f9e";
        Refusal refusal = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--spring.datasource.url=jdbc:h2:mem:" + secret + ";DB_CLOSE_DELAY=-1");
        assertThat(refusal.message()).contains("SPRING_DATASOURCE_URL").contains("in-memory").doesNotContain(secret);
        assertThat(refusal.logs()).noneMatch(line -> line.contains(secret));
    }

    @Test
    void missing_atlassian_settings_stop_startup_naming_each_one_and_never_printing_a_key() {
        String siteToken = "PRODKEY-SITE-7d2a0c44e9";
        String scimKey = "PRODKEY-SCIM-1f8b3e6a50";
        Refusal refusal = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--atlassian.site-api-token=" + siteToken, "--atlassian.scim-api-key=" + scimKey + " pasted badly",
                "--atlassian.bitbucket-url=https://bitbucket.acme.example");
        assertThat(refusal.message())
                .contains("atlassian.org-id is missing: set ATLASSIAN_ORG_ID")
                .contains("atlassian.directory-id is missing: set ATLASSIAN_DIRECTORY_ID")
                .contains("atlassian.org-api-key is missing: set ATLASSIAN_ORG_API_KEY")
                .contains("atlassian.site-url is missing: set ATLASSIAN_SITE_URL")
                .contains("atlassian.site-email is missing: set ATLASSIAN_SITE_EMAIL")
                .contains("atlassian.bitbucket-token is missing: set ATLASSIAN_BITBUCKET_TOKEN")
                .contains("atlassian.scim-api-key (ATLASSIAN_SCIM_API_KEY) contains whitespace")
                .doesNotContain(siteToken, scimKey, ADMIN_PASSWORD, "pasted badly");
        assertThat(refusal.logs()).as("the failure is reported").anyMatch(line -> line.contains("atlassian.org-id"))
                .noneMatch(line -> line.contains(siteToken) || line.contains(scimKey) || line.contains(ADMIN_PASSWORD));
    }

    @Test
    void a_response_timeout_that_would_outlast_half_the_job_lock_stops_startup_naming_the_settings() {
        Refusal refusal = startLikeMain(this::runAsMainDoes, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--atlassian.org-id=acme-org", "--atlassian.directory-id=acme-directory",
                "--atlassian.org-api-key=" + ORG_KEY, "--atlassian.http.response-timeout=PT40S");
        assertThat(refusal.message())
                .contains("camunda.bpm.job-execution.lock-time-in-millis is 60000")
                .contains("atlassian.http.response-timeout")
                .doesNotContain(ORG_KEY, ADMIN_PASSWORD);
    }

    // ---- helpers

    /** What a refused start left: the whole message of the failure (every cause) and every log line at TRACE. */
    record Refusal(String message, List<String> logs) {
    }

    interface Starter {
        void start(String[] args) throws Exception;
    }

    /** Exactly what {@link AtlassianLifecycleApplication#main} does, but returning the context to close. */
    private void runAsMainDoes(String[] args) {
        ConfigurableApplicationContext started = new SpringApplicationBuilder(AtlassianLifecycleApplication.class)
                .listeners(new ProductionSettingsCheck()).run(args);
        started.close();
        throw new AssertionError("the application started");
    }

    private static Refusal startLikeMain(Starter starter, String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=prodtest",
                "--spring.datasource.url=" + persistentDatabase(),
                "--spring.jmx.enabled=false", "--camunda.bpm.webapp.enabled=false",
                "--camunda.bpm.process-engine-name=refused" + UUID.randomUUID().toString().replace("-", "")));
        // A setting given twice on the command line reads as both values joined: a test's own database URL replaces
        // the default one.
        for (String setting : settings) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(name));
        }
        args.addAll(List.of(settings));
        Throwable failure;
        List<String> lines;
        // Spring Boot would reinitialise Logback for the new application, dropping the capture and the levels of
        // every other context in this JVM: the application keeps the logging as it is.
        String previous = System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try (LogCapture logs = LogCapture.everything().quietConsole()) {
            failure = catchThrowable(() -> starter.start(args.toArray(String[]::new)));
            lines = logs.lines();
        } finally {
            if (previous == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, previous);
            }
        }
        assertThat(failure).as("startup fails").isNotNull().isNotInstanceOf(AssertionError.class);
        StringBuilder message = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            message.append(t).append('\n');
        }
        assertThat(lines).as("the capture works").isNotEmpty();
        return new Refusal(message.toString(), lines);
    }

    /** A database that outlives the JVM (a file under target/), as production requires. */
    private static String persistentDatabase() {
        return "jdbc:h2:file:./target/production-profile-it/refused-" + UUID.randomUUID();
    }

    private RestClient http(String user, String password) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> {
                    if (user != null) {
                        headers.setBasicAuth(user, password);
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }
}
