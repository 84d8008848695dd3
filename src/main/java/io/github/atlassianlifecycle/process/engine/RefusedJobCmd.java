package io.github.atlassianlifecycle.process.engine;

import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import io.github.atlassianlifecycle.process.seal.TamperedStateException;

/**
 * What the engine does with a job that refused to go on because the request's state was tampered with
 * ({@link TamperedStateException}): no retry would change the answer, so the job has no retries left at once, which
 * raises the incident an administrator sees in Cockpit. The exception is recorded with it.
 */
class RefusedJobCmd extends JobRetryCmd {

    RefusedJobCmd(String jobId, Throwable exception) {
        super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job == null) {
            return null;
        }
        job.unlock();
        logException(job);
        job.setRetries(0);
        return null;
    }
}
