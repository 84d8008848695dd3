package io.github.atlassianlifecycle.process.seal;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The process's state is not what its own steps wrote (a variable was changed from outside, or a step was reached
 * without the ones before it), or the plan about to be applied is not the approved one. Nothing is applied: the job
 * fails at once, without retries, and Cockpit shows the incident for an administrator to look into.
 */
public class TamperedStateException extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    public TamperedStateException(String message) {
        super(message);
    }
}
