package io.github.atlassianlifecycle.security;

import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call the plugin's REST doors: {@code /api/**} (the request API) and {@code /engine-rest/**} (the engine's
 * REST API, whose authorizations the plugin relies on) need HTTP Basic credentials of a Camunda user, checked by
 * Camunda's identity service; the user is handed to the engine for the request.
 *
 * <p>One filter chain, matching those two paths only. Every other path keeps the application's rules: the Camunda
 * webapps their own login, the actuator, the API docs and the application's own endpoints whatever the application
 * (or, when it has none, Spring Boot's default security) says. That is why this runs after Spring Boot's security
 * auto-configuration: its default chain still guards the rest when the application defines no chain of its own.
 *
 * <p>The chain is stateless: no session is created or read and the credentials come with every request, so there is
 * no token to hand out. But a browser remembers Basic credentials once it has answered the challenge and sends them
 * with forms other sites post too, so a change a browser sends on behalf of another site is refused
 * ({@link CrossSiteWriteRefusal}). The webapps, which use a session, keep Camunda's own CSRF protection (this chain
 * does not match them).
 */
@AutoConfiguration(after = SecurityAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ ProcessEngine.class, HttpSecurity.class })
@ConditionalOnProperty(prefix = "atlassian.security", name = "enabled", matchIfMissing = true)
public class LifecycleSecurityAutoConfiguration {

    /** The bean name an application uses to replace the chain. */
    public static final String API_CHAIN = "lifecycleApiSecurity";

    /**
     * Before the application's chains without an order (and Spring Boot's default ones), so these two paths are
     * this chain's; an application whose own chain must come first gives it a smaller order.
     */
    public static final int API_CHAIN_ORDER = 10;

    static final String[] API_PATHS = { "/api/**", "/engine-rest/**" };

    /**
     * The one path of the chain without a login: an inactivity campaign's keep link, followed by the person from
     * their notice. The token in the path is the proof (signed, single use); its GET changes nothing.
     */
    public static final String KEEP_LINK_PATH = "/api/campaigns/keep/*";

    /**
     * The checks are not a bean of type {@code AuthenticationProvider}: Spring Boot would install one such bean as
     * the application-wide authentication, replacing the application's own users on every other path.
     */
    @Bean(API_CHAIN)
    @ConditionalOnMissingBean(name = API_CHAIN)
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain lifecycleApiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        return http.securityMatcher(paths(API_PATHS))
                .authorizeHttpRequests(requests -> requests.requestMatchers(paths(KEEP_LINK_PATH)).permitAll()
                        .anyRequest().authenticated())
                // Camunda's users only: with the application-wide authentication as a fallback, a host user named like a
                // Camunda user would be handed to the engine as that user.
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService)))
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless: no session and no token; forged cross-site changes are refused by where they come from.
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteWriteRefusal(), BasicAuthenticationFilter.class)
                .requestCache(cache -> cache.disable())
                .addFilterAfter(new CamundaAuthenticationBridgeFilter(identityService), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Path matchers on the whole request path. The default (MVC) matchers look only inside Spring MVC's servlet and
     * would silently miss {@code /engine-rest}, which Jersey serves.
     */
    public static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).<RequestMatcher>map(builder::matcher).toList());
    }
}
