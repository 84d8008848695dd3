package io.github.atlassianlifecycle.simulator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The built-in Atlassian simulator under {@code /sim}, on only when {@code atlassian.simulator.enabled=true} (the
 * demo and simulator profiles). It lives in the jar so the quickstart and the tests need no network.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "atlassian.simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SimulatorProperties.class)
@Import({ UserManagementSimController.class, SimControlController.class, SimFaultsController.class,
        JiraSimController.class, ConfluenceSimController.class, BitbucketSimController.class,
        SimBitbucketControlController.class, ScimSimController.class, OrganizationsSimController.class,
        SimOrgControlController.class })
public class SimulatorAutoConfiguration {

    @Bean
    SimulatorState simulatorState(SimulatorSeeder seeder) {
        // The simulator's clock is not a Clock bean: the application's own clock must stay the real one.
        SimulatorState state = new SimulatorState(new SimClock());
        seeder.seed(state);
        return state;
    }

    @Bean
    SimulatorSeeder simulatorSeeder(SimulatorProperties properties) {
        return new SimulatorSeeder(properties);
    }

    @Bean
    SimAuth simulatorAuth(SimulatorProperties properties) {
        return new SimAuth(properties);
    }

    @Bean
    SimBehaviour simulatorBehaviour() {
        return new SimBehaviour();
    }

    @Bean
    SimCallLog simulatorCallLog() {
        return new SimCallLog();
    }

    @Bean
    SimCallRecorder simulatorCallRecorder(SimCallLog log, SimulatorState state) {
        return new SimCallRecorder(log, state);
    }

    @Bean
    FilterRegistrationBean<SimCallRecorder> simulatorCallRecorderRegistration(SimCallRecorder recorder) {
        FilterRegistrationBean<SimCallRecorder> registration = new FilterRegistrationBean<>(recorder);
        registration.addUrlPatterns("/sim/*");
        registration.setName("simulatorCallRecorder");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20); // outside the faults, so faulted calls are recorded
        return registration;
    }

    @Bean
    SimFaults simulatorFaults() {
        return new SimFaults();
    }

    @Bean
    FilterRegistrationBean<SimFaultInjector> simulatorFaultInjectorRegistration(SimFaults faults, SimulatorState state) {
        FilterRegistrationBean<SimFaultInjector> registration = new FilterRegistrationBean<>(
                new SimFaultInjector(faults, state.clock()));
        registration.addUrlPatterns("/sim/*");
        registration.setName("simulatorFaultInjector");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    WebMvcConfigurer simulatorCallRecorderInterceptor(SimCallRecorder recorder) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(recorder).addPathPatterns("/sim/**")
                        .excludePathPatterns(SimPaths.CONTROL + "/**");
            }
        };
    }
}
