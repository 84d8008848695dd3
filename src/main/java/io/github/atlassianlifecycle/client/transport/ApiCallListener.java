package io.github.atlassianlifecycle.client.transport;

/** Told about every exchange the transport makes, successful or not (status 0 when there was no answer). */
@FunctionalInterface
public interface ApiCallListener {

    void onCall(ApiCall call);
}
