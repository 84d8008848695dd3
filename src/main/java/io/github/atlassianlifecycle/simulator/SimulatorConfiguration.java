package io.github.atlassianlifecycle.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.github.atlassianlifecycle.simulator.bitbucket.BitbucketControlController;
import io.github.atlassianlifecycle.simulator.bitbucket.BitbucketController;
import io.github.atlassianlifecycle.simulator.confluence.ConfluenceController;
import io.github.atlassianlifecycle.simulator.control.CallLog;
import io.github.atlassianlifecycle.simulator.control.CallRecorder;
import io.github.atlassianlifecycle.simulator.control.ControlController;
import io.github.atlassianlifecycle.simulator.control.FaultInjector;
import io.github.atlassianlifecycle.simulator.control.Faults;
import io.github.atlassianlifecycle.simulator.control.FaultsController;
import io.github.atlassianlifecycle.simulator.control.UnknownPathController;
import io.github.atlassianlifecycle.simulator.core.Behaviour;
import io.github.atlassianlifecycle.simulator.core.CredentialCheck;
import io.github.atlassianlifecycle.simulator.core.MovableClock;
import io.github.atlassianlifecycle.simulator.core.SimulatorPaths;
import io.github.atlassianlifecycle.simulator.core.SimulatorProperties;
import io.github.atlassianlifecycle.simulator.core.SimulatorSeeder;
import io.github.atlassianlifecycle.simulator.core.SimulatorState;
import io.github.atlassianlifecycle.simulator.jira.JiraController;
import io.github.atlassianlifecycle.simulator.organizations.OrgControlController;
import io.github.atlassianlifecycle.simulator.organizations.OrganizationsController;
import io.github.atlassianlifecycle.simulator.scim.ScimController;
import io.github.atlassianlifecycle.simulator.usermanagement.UserManagementController;

/**
 * The built-in Atlassian simulator under {@code /sim}, on only when {@code simulator.enabled=true} (the demo and
 * simulator profiles), so the quickstart and the tests need no network. The one place it is wired: this project's
 * application imports it, and {@link SimulatorAutoConfiguration} brings it to a host that adds the
 * {@code simulator} classifier jar. It is not part of the plugin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = SimulatorProperties.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SimulatorProperties.class)
@Import({ UserManagementController.class, ControlController.class, FaultsController.class,
        JiraController.class, ConfluenceController.class, BitbucketController.class,
        BitbucketControlController.class, ScimController.class, OrganizationsController.class,
        OrgControlController.class, UnknownPathController.class })
public class SimulatorConfiguration {

    @Bean
    SimulatorState simulatorState(SimulatorSeeder seeder) {
        // The simulator's clock is not a Clock bean: the application's own clock must stay the real one.
        SimulatorState state = new SimulatorState(new MovableClock());
        seeder.seed(state);
        return state;
    }

    @Bean
    SimulatorSeeder simulatorSeeder(SimulatorProperties properties) {
        return new SimulatorSeeder(properties);
    }

    @Bean
    CredentialCheck simulatorAuth(SimulatorProperties properties) {
        return new CredentialCheck(properties);
    }

    @Bean
    Behaviour simulatorBehaviour() {
        return new Behaviour();
    }

    @Bean
    CallLog simulatorCallLog() {
        return new CallLog();
    }

    @Bean
    CallRecorder simulatorCallRecorder(CallLog log, SimulatorState state) {
        return new CallRecorder(log, state);
    }

    @Bean
    FilterRegistrationBean<CallRecorder> simulatorCallRecorderRegistration(CallRecorder recorder) {
        FilterRegistrationBean<CallRecorder> registration = new FilterRegistrationBean<>(recorder);
        registration.addUrlPatterns("/sim/*");
        registration.setName("simulatorCallRecorder");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20); // outside the faults, so faulted calls are recorded
        return registration;
    }

    @Bean
    Faults simulatorFaults() {
        return new Faults();
    }

    @Bean
    FilterRegistrationBean<FaultInjector> simulatorFaultInjectorRegistration(Faults faults, SimulatorState state) {
        FilterRegistrationBean<FaultInjector> registration = new FilterRegistrationBean<>(
                new FaultInjector(faults, state.clock()));
        registration.addUrlPatterns("/sim/*");
        registration.setName("simulatorFaultInjector");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer simulatorCallRecorderInterceptor(CallRecorder recorder) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(recorder).addPathPatterns("/sim/**")
                        .excludePathPatterns(SimulatorPaths.CONTROL + "/**");
            }
        };
    }
}
