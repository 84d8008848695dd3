package io.github.atlassianlifecycle.process;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.atlassianlifecycle.campaign.CampaignEngine;
import io.github.atlassianlifecycle.campaign.CampaignRepository;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.campaign.KeepTokens;
import io.github.atlassianlifecycle.campaign.NotificationChannel;
import io.github.atlassianlifecycle.config.AtlassianProperties;
import io.github.atlassianlifecycle.lifecycle.reconcile.KeptAccess;
import io.github.atlassianlifecycle.process.campaign.CampaignApprovalTaskListener;
import io.github.atlassianlifecycle.process.campaign.CamundaCampaignEngine;
import io.github.atlassianlifecycle.process.campaign.DisableUnkeptDelegate;
import io.github.atlassianlifecycle.process.campaign.SendNoticesDelegate;
import io.github.atlassianlifecycle.process.campaign.StartReviewCampaignDelegate;
import io.github.atlassianlifecycle.process.campaign.ValidateCampaignDelegate;
import io.github.atlassianlifecycle.reconciliation.ReconciliationService;
import io.github.atlassianlifecycle.request.RequestService;

/**
 * The Camunda side of inactivity campaigns ({@code account-campaign}): the campaign store and rules over the
 * reconciliations and the request rules, and the beans its model names (one name each, declared here). An
 * application sends notices by declaring a {@link NotificationChannel} bean; without one nothing is sent and each row
 * says so.
 */
@AutoConfiguration(after = ReconcileProcessAutoConfiguration.class)
@ConditionalOnClass(ProcessEngine.class)
@ConditionalOnBean({ ReconciliationService.class, RequestService.class, NamedParameterJdbcTemplate.class })
public class CampaignProcessAutoConfiguration {

    static final String VALIDATE = "validateCampaign";
    static final String APPROVAL_LISTENER = "campaignApprovalTaskListener";
    static final String SEND_NOTICES = "sendCampaignNotices";
    static final String DISABLE_UNKEPT = "disableUnkeptCampaignRows";
    /** A step of {@code account-reconcile}, which needs the campaign rules. */
    static final String START_REVIEW_CAMPAIGN = "startReviewCampaign";

    @Bean
    @ConditionalOnMissingBean
    CampaignRepository campaignRepository(NamedParameterJdbcTemplate jdbc) {
        return new CampaignRepository(jdbc);
    }

    /** What the reconciler counts as activity: the keeps the campaign store recorded. */
    @Bean
    @ConditionalOnMissingBean
    KeptAccess campaignKeptAccess(CampaignRepository campaigns) {
        return campaigns::latestKeeps;
    }

    @Bean
    @ConditionalOnMissingBean
    CampaignEngine campaignEngine(ProcessEngine engine) {
        return new CamundaCampaignEngine(engine);
    }

    /** The key stays inside {@link KeepTokens}: no bean, variable or log line carries it. */
    @Bean
    @ConditionalOnMissingBean
    CampaignService campaignService(CampaignRepository campaigns, CampaignEngine engine,
            ReconciliationService reconciliations, RequestService requests,
            ObjectProvider<NotificationChannel> channel, AtlassianProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        AtlassianProperties.Inactivity inactivity = properties.getInactivity();
        String key = inactivity.getKeepLinkKey();
        Optional<KeepTokens> tokens = key == null || key.isBlank() ? Optional.empty()
                : Optional.of(new KeepTokens(key));
        return new CampaignService(campaigns, engine, reconciliations, requests,
                channel.getIfAvailable(() -> NotificationChannel.NONE), tokens, inactivity.getNoticePeriod(),
                new TransactionTemplate(transactions), clock);
    }

    @Bean(VALIDATE)
    @ConditionalOnMissingBean(name = VALIDATE)
    ValidateCampaignDelegate validateCampaign(CampaignService campaigns, AtlassianProperties properties) {
        return new ValidateCampaignDelegate(campaigns, properties.getInactivity().getNoticePeriod());
    }

    @Bean(APPROVAL_LISTENER)
    @ConditionalOnMissingBean(name = APPROVAL_LISTENER)
    CampaignApprovalTaskListener campaignApprovalTaskListener(CampaignService campaigns) {
        return new CampaignApprovalTaskListener(campaigns);
    }

    @Bean(SEND_NOTICES)
    @ConditionalOnMissingBean(name = SEND_NOTICES)
    SendNoticesDelegate sendCampaignNotices(CampaignService campaigns) {
        return new SendNoticesDelegate(campaigns);
    }

    @Bean(START_REVIEW_CAMPAIGN)
    @ConditionalOnMissingBean(name = START_REVIEW_CAMPAIGN)
    StartReviewCampaignDelegate startReviewCampaign(CampaignService campaigns) {
        return new StartReviewCampaignDelegate(campaigns);
    }

    @Bean(DISABLE_UNKEPT)
    @ConditionalOnMissingBean(name = DISABLE_UNKEPT)
    DisableUnkeptDelegate disableUnkeptCampaignRows(CampaignService campaigns) {
        return new DisableUnkeptDelegate(campaigns);
    }
}
