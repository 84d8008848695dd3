package io.github.atlassianlifecycle.process;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.config.AtlassianClientAutoConfiguration;
import io.github.atlassianlifecycle.lifecycle.AccountDisabler;

/**
 * The Camunda side: the delegates and listeners the models name (by bean name, so designers see readable
 * expressions such as {@code ${disableAccount}}), and the engine plugins. Every Camunda type this project touches is
 * registered here. (Camunda's starter registers camunda-connect's engine plugin itself when it is on the class
 * path, so designers can use {@code http-connector} in models too.)
 */
@AutoConfiguration(after = AtlassianClientAutoConfiguration.class)
@ConditionalOnClass(ProcessEngine.class)
public class LifecycleProcessAutoConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "atlassian.deployment", name = "enabled", matchIfMissing = true)
    LifecycleModelDeployer lifecycleModelDeployer() {
        return new LifecycleModelDeployer();
    }

    @Bean
    RateLimitAwareRetriesPlugin rateLimitAwareRetriesPlugin() {
        return new RateLimitAwareRetriesPlugin(Clock.systemUTC());
    }

    @Bean
    LifecycleGroupIdsPlugin lifecycleGroupIdsPlugin() {
        return new LifecycleGroupIdsPlugin();
    }

    @Bean
    @ConditionalOnMissingBean
    AccountDisabler accountDisabler(UserManagementClient userManagement) {
        return new AccountDisabler(userManagement);
    }

    @Bean("requesterListener")
    RequesterListener requesterListener() {
        return new RequesterListener();
    }

    @Bean("validateLifecycleRequest")
    ValidateRequestDelegate validateLifecycleRequest(ObjectMapper json) {
        return new ValidateRequestDelegate(json);
    }

    @Bean
    @ConditionalOnMissingBean
    RequestFingerprint requestFingerprint() {
        return new RequestFingerprint();
    }

    @Bean("approvalTaskListener")
    ApprovalTaskListener approvalTaskListener(RequestFingerprint fingerprint) {
        return new ApprovalTaskListener(fingerprint);
    }

    @Bean("disableAccount")
    DisableAccountDelegate disableAccount(AccountDisabler disabler) {
        return new DisableAccountDelegate(disabler);
    }
}
