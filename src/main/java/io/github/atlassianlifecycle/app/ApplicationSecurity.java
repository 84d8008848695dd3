package io.github.atlassianlifecycle.app;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import io.github.atlassianlifecycle.security.CamundaIdentityAuthenticationProvider;
import io.github.atlassianlifecycle.security.LifecycleSecurityAutoConfiguration;
import io.github.atlassianlifecycle.security.ProblemAuthenticationEntryPoint;

/**
 * The application's own rules for the paths the plugin leaves to its host (the plugin secures only {@code /api/**}
 * and {@code /engine-rest/**}): the API description and Swagger UI need a Camunda user, the actuator needs
 * {@code camunda-admin} (health is open, for probes, with its details for {@code camunda-admin} only; the Prometheus
 * scrape is open to {@code lifecycle-metrics} members too), and everything else (the Camunda webapps with their own login
 * and CSRF protection, the built-in simulator with its own API keys) is left to itself.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!simulator") // the standalone simulator runs without the engine and without Spring Security
class ApplicationSecurity {

    static final String[] DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };
    static final String[] ACTUATOR = { "/actuator/**" };
    static final String[] HEALTH = { "/actuator/health", "/actuator/health/**" };
    static final String[] PROMETHEUS = { "/actuator/prometheus" };
    /** A group for scrapers: a Prometheus user in it reads the meters, and nothing else of the actuator. */
    static final String METRICS_GROUP = "lifecycle-metrics";
    static final String ADMINS = "camunda-admin";

    /**
     * Stateless HTTP Basic, like the plugin's chain: no session is created or read, so no CSRF token is needed
     * (Swagger UI sends the credentials itself with each call).
     */
    @Bean
    @Order(LifecycleSecurityAutoConfiguration.API_CHAIN_ORDER + 1)
    SecurityFilterChain applicationDocsAndActuatorSecurity(HttpSecurity http, IdentityService identityService)
            throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        String[] paths = concat(DOCS, ACTUATOR);
        return http.securityMatcher(LifecycleSecurityAutoConfiguration.paths(paths))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LifecycleSecurityAutoConfiguration.paths(HEALTH)).permitAll()
                        .requestMatchers(LifecycleSecurityAutoConfiguration.paths(PROMETHEUS))
                        .hasAnyAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + ADMINS,
                                CamundaIdentityAuthenticationProvider.GROUP_PREFIX + METRICS_GROUP)
                        .requestMatchers(LifecycleSecurityAutoConfiguration.paths(ACTUATOR))
                        .hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + ADMINS)
                        .anyRequest().authenticated())
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /**
     * Everything else. The Camunda webapps use a session, and protect it with Camunda's own login and CSRF filter
     * (its token header on every state-changing call): Spring Security's CSRF on top would refuse those calls,
     * because the webapps do not send its token.
     */
    @Bean
    @Order(LifecycleSecurityAutoConfiguration.API_CHAIN_ORDER + 2)
    SecurityFilterChain applicationWebappSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
