package io.github.atlassianlifecycle.security;

import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. {@code /engine-rest/**}, {@code /api/**}, the OpenAPI description and Swagger UI, and
 * {@code /actuator/**} (but health) need HTTP Basic credentials of a Camunda user; the user is handed to the engine
 * for the request. The Camunda webapps keep their
 * own login and CSRF protection; the simulator checks its own API keys.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@ConditionalOnClass({ ProcessEngine.class, HttpSecurity.class })
@ConditionalOnProperty(prefix = "atlassian.security", name = "enabled", matchIfMissing = true)
public class LifecycleSecurityAutoConfiguration {

    static final String[] API_PATHS = { "/api/**", "/engine-rest/**", "/actuator/**", "/v3/api-docs/**",
            "/v3/api-docs", "/swagger-ui.html", "/swagger-ui/**" };

    @Bean
    @ConditionalOnMissingBean
    CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
        return new CamundaIdentityAuthenticationProvider(identityService);
    }

    @Bean
    @Order(1)
    SecurityFilterChain lifecycleApiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
            IdentityService identityService) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        return http.securityMatcher(paths(API_PATHS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        .requestMatchers(paths("/actuator/**"))
                        .hasAuthority(CamundaIdentityAuthenticationProvider.GROUP_PREFIX + "camunda-admin")
                        .anyRequest().authenticated())
                .authenticationProvider(provider)
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-authenticated APIs carry no cookie a forged page could ride on.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new CamundaAuthenticationBridgeFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Path matchers on the whole request path. The default (MVC) matchers look only inside Spring MVC's servlet and
     * would silently miss {@code /engine-rest}, which Jersey serves.
     */
    static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }

    @Bean
    @Order(2)
    SecurityFilterChain lifecycleWebappSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The Camunda webapps run their own session login and CSRF protection.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }
}
