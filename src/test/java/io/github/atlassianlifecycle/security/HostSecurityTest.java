package io.github.atlassianlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The plugin in a host application: it secures {@code /api/**} and {@code /engine-rest/**} and nothing else. The
 * host's own endpoints keep the host's rules, whether the host wrote its own chain or relies on Spring Boot's default
 * security; the host can replace the plugin's chain by its bean name, or switch it off.
 */
class HostSecurityTest {

    static final String CAMUNDA_USER = "requester";
    static final String CAMUNDA_PASSWORD = "camunda-Passw0rd";
    static final String HOST_USER = "hostuser";
    static final String HOST_PASSWORD = "host-Passw0rd";

    final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    DispatcherServletAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                    JacksonAutoConfiguration.class, LifecycleSecurityAutoConfiguration.class))
            .withUserConfiguration(HostEndpoints.class)
            .withBean(IdentityService.class, HostSecurityTest::camundaIdentities)
            .withPropertyValues("spring.security.user.name=" + HOST_USER, "spring.security.user.password=" + HOST_PASSWORD);

    // ---- a host that relies on Spring Boot's default security

    @Test
    void a_host_without_a_chain_of_its_own_keeps_spring_boots_default_security_on_its_endpoints() {
        runner.run(context -> {
            MockMvc http = http(context);
            assertThat(status(http, get("/host/hello"))).as("anonymous").isEqualTo(401);
            assertThat(status(http, basic(get("/host/hello"), HOST_USER, HOST_PASSWORD)))
                    .as("the host's own user").isEqualTo(200);
            assertThat(status(http, basic(get("/host/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)))
                    .as("Camunda's users are the plugin's, not the host's").isEqualTo(401);
        });
    }

    @Test
    void the_plugins_paths_need_a_camunda_user_whatever_the_host() {
        runner.run(context -> {
            MockMvc http = http(context);
            for (String path : List.of("/api/hello", "/engine-rest/process-definition")) {
                assertThat(status(http, get(path))).as(path).isEqualTo(401);
                assertThat(status(http, basic(get(path), HOST_USER, HOST_PASSWORD))).as(path).isEqualTo(401);
            }
            assertThat(status(http, basic(get("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD))).isEqualTo(200);
            assertThat(status(http, basic(post("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)))
                    .as("stateless Basic: no CSRF token to ask for").isEqualTo(200);
        });
    }

    @Test
    void a_page_of_another_site_cannot_change_anything_with_credentials_the_browser_remembers() {
        // A browser that once answered the Basic challenge resends the credentials by itself, cross-site forms
        // included: for the plugin's paths they are as ambient as a session cookie.
        runner.run(context -> {
            MockMvc http = http(context);
            assertThat(status(http, basic(post("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)
                    .header("Sec-Fetch-Site", "cross-site"))).as("a form posted from another site").isEqualTo(403);
            assertThat(status(http, basic(post("/engine-rest/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)
                    .header("Origin", "https://elsewhere.example"))).as("another origin").isEqualTo(403);
            assertThat(status(http, basic(post("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)
                    .header("Sec-Fetch-Site", "same-site"))).as("a sibling site").isEqualTo(403);
            assertThat(status(http, basic(post("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)
                    .header("Sec-Fetch-Site", "same-origin").header("Origin", "http://localhost")))
                    .as("the application's own pages (Swagger UI)").isEqualTo(200);
            assertThat(status(http, basic(post("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)))
                    .as("a client that is not a browser sends neither header").isEqualTo(200);
            assertThat(status(http, basic(get("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)
                    .header("Sec-Fetch-Site", "cross-site"))).as("a read changes nothing").isEqualTo(200);
        });
    }

    // ---- a host with its own chain (no order, as most are)

    @Test
    void a_host_with_its_own_chain_keeps_its_rules_on_every_path_but_the_plugins() {
        runner.withUserConfiguration(HostChain.class).run(context -> {
            MockMvc http = http(context);
            assertThat(status(http, get("/host/hello"))).as("the host lets anyone in here").isEqualTo(200);
            assertThat(status(http, get("/host/secret"))).as("and nobody in there: sign in").isEqualTo(401);
            assertThat(status(http, basic(get("/host/secret"), HOST_USER, HOST_PASSWORD))).as("not even its users")
                    .isEqualTo(403);
            assertThat(status(http, basic(get("/host/secret"), CAMUNDA_USER, CAMUNDA_PASSWORD)))
                    .as("Camunda's users are not the host's").isEqualTo(401);
            assertThat(status(http, get("/api/hello"))).as("the plugin's path").isEqualTo(401);
            assertThat(status(http, basic(get("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD))).isEqualTo(200);
        });
    }

    @Test
    void the_host_replaces_the_plugins_chain_by_its_name() {
        runner.withUserConfiguration(HostChain.class, HostApiChain.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LifecycleSecurityAutoConfiguration.API_CHAIN))
                    .isSameAs(context.getBean(HostApiChain.class).chain);
            assertThat(status(http(context), get("/api/hello"))).as("the host's rule for it").isEqualTo(200);
        });
    }

    @Test
    void atlassian_security_enabled_false_leaves_every_path_to_the_host() {
        runner.withUserConfiguration(HostChain.class).withPropertyValues("atlassian.security.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(LifecycleSecurityAutoConfiguration.API_CHAIN);
                    MockMvc http = http(context);
                    assertThat(status(http, basic(get("/api/hello"), HOST_USER, HOST_PASSWORD))).as("the host's denyAll")
                            .isEqualTo(403);
                    assertThat(status(http, basic(get("/api/hello"), CAMUNDA_USER, CAMUNDA_PASSWORD)))
                            .as("the plugin's users no longer count here").isEqualTo(401);
                });
    }

    // ---- helpers

    private static MockMvc http(AssertableWebApplicationContext context) {
        assertThat(context).hasNotFailed();
        return MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class)).build();
    }

    private static int status(MockMvc http, MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request).andReturn().getResponse().getStatus();
    }

    private static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, String user,
            String password) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Camunda's identity service knows one user, in no group and no tenant. */
    private static IdentityService camundaIdentities() {
        IdentityService identity = mock(IdentityService.class);
        when(identity.checkPassword(anyString(), anyString()))
                .thenAnswer(call -> CAMUNDA_USER.equals(call.getArgument(0)) && CAMUNDA_PASSWORD.equals(call.getArgument(1)));
        GroupQuery groups = mock(GroupQuery.class);
        when(groups.groupMember(anyString())).thenReturn(groups);
        when(groups.list()).thenReturn(List.of());
        when(identity.createGroupQuery()).thenReturn(groups);
        TenantQuery tenants = mock(TenantQuery.class);
        when(tenants.userMember(anyString())).thenReturn(tenants);
        when(tenants.includingGroupsOfUser(true)).thenReturn(tenants);
        when(tenants.list()).thenReturn(List.of());
        when(identity.createTenantQuery()).thenReturn(tenants);
        return identity;
    }

    @RestController
    static class HostEndpoints {

        @GetMapping({ "/host/hello", "/host/secret", "/api/hello" })
        String hello() {
            return "hello";
        }

        @PostMapping({ "/api/hello", "/engine-rest/hello" })
        String posted() {
            return "posted";
        }
    }

    /** The host's own rules: one open path, nothing else, and no order (the usual). */
    @Configuration(proxyBeanMethods = false)
    static class HostChain {

        @Bean
        SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.requestMatchers("/host/hello").permitAll()
                    .anyRequest().denyAll()).httpBasic(basic -> { }).build();
        }
    }

    /** The host's replacement for the plugin's chain: the API open to everyone (a host's choice, not advice). */
    @Configuration(proxyBeanMethods = false)
    static class HostApiChain {

        SecurityFilterChain chain;

        @Bean(LifecycleSecurityAutoConfiguration.API_CHAIN)
        @org.springframework.core.annotation.Order(1)
        SecurityFilterChain lifecycleApiSecurity(HttpSecurity http) throws Exception {
            chain = http.securityMatcher("/api/**").authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
            return chain;
        }
    }
}
