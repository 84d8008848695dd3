package io.github.atlassianlifecycle.process.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine work done without the caller's engine authorizations, as the process's own steps work: for the request
 * API's reads of the engine and its dry runs, whose caller the API has already checked. The caller's authentication
 * is back afterwards.
 */
public final class WithoutAuthentication {

    private WithoutAuthentication() {
    }

    public static <T> T call(IdentityService identity, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
