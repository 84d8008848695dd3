package io.github.atlassianlifecycle.process.engine;

import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

import io.github.atlassianlifecycle.process.seal.TamperedStateException;

/**
 * What the engine does with a job no retry would help: one whose Atlassian endpoint is unavailable (410, or a 404
 * that is not the API's documented not-found answer — the endpoint will not come back by itself), one whose answer says
 * a setting is wrong (an organization id Atlassian does not know: only an operator's fix helps), or one that refused
 * to go on because the request's state was tampered with ({@link TamperedStateException}). The exception is recorded
 * and the retries drop to zero, which makes the incident now; its message is the exception's (naming the API, the
 * operation and the endpoint or the setting, or what was tampered with). Once an operator has fixed the cause, "retry" in Cockpit
 * runs the step again.
 */
class IncidentAtOnceJobCmd extends JobRetryCmd {

    IncidentAtOnceJobCmd(String jobId, Throwable exception) {
        super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job == null) {
            return null;
        }
        job.unlock();
        logException(job); // before the retries: the incident takes its message from the job's exception
        job.setRetries(0);
        notifyAcquisition(commandContext);
        return null;
    }
}
