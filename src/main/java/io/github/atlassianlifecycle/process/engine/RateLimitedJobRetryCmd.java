package io.github.atlassianlifecycle.process.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * What the engine does with a job that Atlassian rate-limited: it is due again at the instant Atlassian named
 * ({@code Retry-After} / {@code X-RateLimit-Reset}), its retries are left alone (a 429 is not a failure of the
 * step), and no thread waits in between. The exception is still recorded, so Cockpit shows why the job waits.
 */
class RateLimitedJobRetryCmd extends DefaultJobRetryCmd {

    private final Instant retryAt;

    RateLimitedJobRetryCmd(String jobId, Throwable exception, Instant retryAt) {
        super(jobId, exception);
        this.retryAt = retryAt;
    }

    @Override
    public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job == null) {
            return null;
        }
        if (isFirstJobExecution(job)) {
            // The retry cycle of the activity still applies to later real failures: set it up as the default would.
            ActivityImpl activity = getCurrentActivity(commandContext, job);
            FailedJobRetryConfiguration retries = activity == null ? null : getFailedJobRetryConfiguration(job, activity);
            if (retries != null) {
                initializeRetries(job, retries.getRetries());
            }
        }
        job.unlock();
        logException(job);
        job.setDuedate(Date.from(retryAt));
        notifyAcquisition(commandContext);
        return null;
    }
}
