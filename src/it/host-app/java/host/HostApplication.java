package host;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal host: someone else's Spring Boot + Camunda application that adds the plugin's plain jar. It has its own
 * security (its own users, its own chain for /host/**), its own endpoints and its own settings (application.yml),
 * and two processes of its own: one that uses the plugin's {@code atlassian} connector, one built from the plugin's
 * element templates. Compiled and started by
 * HostApplicationIT, never by the main build.
 */
@SpringBootApplication
public class HostApplication {

    public static void main(String[] args) {
        SpringApplication.run(HostApplication.class, args);
    }

    @Bean
    @Order(50)
    SecurityFilterChain hostSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/host/**")
                .authorizeHttpRequests(paths -> paths.requestMatchers("/host/up").permitAll()
                        .anyRequest().hasRole("HOST_ADMIN"))
                .httpBasic(withDefaults()).csrf(csrf -> csrf.disable()).build();
    }

    @Bean
    UserDetailsService hostUsers() {
        return new InMemoryUserDetailsManager(
                User.withUsername("host-admin").password("{noop}host-secret").roles("HOST_ADMIN").build());
    }

    /** Named by the host's Jackson setting: greeting_text, engine_name. */
    record Ping(String greetingText, String engineName) {
    }

    @RestController
    static class HostEndpoints {

        private final ProcessEngine engine;
        private final String greeting;

        HostEndpoints(ProcessEngine engine, @Value("${host.greeting}") String greeting) {
            this.engine = engine;
            this.greeting = greeting;
        }

        @GetMapping("/host/up")
        String up() {
            return "up";
        }

        /** The host's own answer, in its own Jackson naming (snake_case, set in application.yml). */
        @GetMapping("/host/ping")
        Ping ping() {
            return new Ping(greeting, engine.getName());
        }

        /** Runs the host's own offboarding process (a connector task of the plugin) and answers its variables. */
        @PostMapping("/host/offboard/{accountId}")
        Map<String, Object> offboard(@PathVariable String accountId) {
            ProcessInstanceWithVariables instance = engine.getRuntimeService()
                    .createProcessInstanceByKey("hostOffboarding").setVariable("accountId", accountId)
                    .executeWithVariablesInReturn();
            Map<String, Object> answer = new LinkedHashMap<>(instance.getVariables());
            answer.put("ended", instance.isEnded());
            return answer;
        }

        /** Starts the host's process built from the plugin's element templates (its tasks are asynchronous). */
        @PostMapping("/host/offboard-templated/{accountId}")
        Map<String, Object> offboardTemplated(@PathVariable String accountId) {
            String id = engine.getRuntimeService().startProcessInstanceByKey("hostTemplatedOffboarding",
                    Map.of("accountId", accountId)).getId();
            return Map.of("instance_id", id);
        }

        /** Whether an instance has ended, and its variables, from the host's history. */
        @GetMapping("/host/instances/{id}")
        Map<String, Object> instance(@PathVariable String id) {
            var history = engine.getHistoryService();
            // Ended first, variables after: read the other way round, a job committing between the two reads
            // would answer "ended" with the variables of before its step.
            boolean ended = history.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count() == 1;
            Map<String, Object> answer = new LinkedHashMap<>();
            history.createHistoricVariableInstanceQuery().processInstanceId(id).list()
                    .forEach(variable -> answer.put(variable.getName(), variable.getValue()));
            answer.put("ended", ended);
            answer.put("incidents", engine.getRuntimeService().createIncidentQuery().processInstanceId(id).count());
            return answer;
        }
    }
}
