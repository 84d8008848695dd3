package io.github.atlassianlifecycle.support;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.github.atlassianlifecycle.client.ApiFamily;
import io.github.atlassianlifecycle.client.transport.ApiEndpoint;
import io.github.atlassianlifecycle.client.transport.AtlassianHttpTransport;
import io.github.atlassianlifecycle.client.transport.Credential;
import io.github.atlassianlifecycle.client.transport.TransportSettings;

/** Builds real clients pointed at a simulator on {@code port}, with the simulator's demo credentials. */
public final class ClientFixture {

    public static final String ORG_KEY = "sim-org-key";
    public static final String SCIM_KEY = "sim-scim-key";
    public static final String SITE_EMAIL = "admin@demo.example";
    public static final String SITE_TOKEN = "sim-site-token";
    public static final String BITBUCKET_USER = "admin";
    public static final String BITBUCKET_TOKEN = "sim-bitbucket-token";

    private final String simUrl;
    private final AtlassianHttpTransport transport;

    public ClientFixture(int port) {
        this(port, Duration.ofSeconds(5));
    }

    public ClientFixture(int port, Duration responseTimeout) {
        this.simUrl = "http://127.0.0.1:" + port + "/sim";
        ObjectMapper json = JsonMapper.builder().findAndAddModules().build();
        this.transport = new AtlassianHttpTransport(
                new TransportSettings(Duration.ofSeconds(2), responseTimeout, 10, "atlassian-lifecycle-test"),
                json, Clock.systemUTC());
    }

    public AtlassianHttpTransport transport() {
        return transport;
    }

    public String simUrl() {
        return simUrl;
    }

    public ApiEndpoint userManagement() {
        return new ApiEndpoint(ApiFamily.USER_MANAGEMENT, simUrl + "/api", Credential.bearer(ORG_KEY));
    }

    public ApiEndpoint organizations() {
        return new ApiEndpoint(ApiFamily.ORGANIZATIONS, simUrl + "/api", Credential.bearer(ORG_KEY));
    }

    public ApiEndpoint scim() {
        return new ApiEndpoint(ApiFamily.SCIM, simUrl + "/api", Credential.bearer(SCIM_KEY));
    }

    public ApiEndpoint jira() {
        return new ApiEndpoint(ApiFamily.JIRA, simUrl + "/site", Credential.basic(SITE_EMAIL, SITE_TOKEN));
    }

    public ApiEndpoint confluence() {
        return new ApiEndpoint(ApiFamily.CONFLUENCE, simUrl + "/site", Credential.basic(SITE_EMAIL, SITE_TOKEN));
    }

    public ApiEndpoint bitbucket() {
        return new ApiEndpoint(ApiFamily.BITBUCKET, simUrl + "/bitbucket", Credential.bearer("sim-bitbucket-token"));
    }

    /** Bitbucket Data Center with the admin's user name and password as Basic (the other accepted form). */
    public ApiEndpoint bitbucketBasic() {
        return new ApiEndpoint(ApiFamily.BITBUCKET, simUrl + "/bitbucket", Credential.basic(BITBUCKET_USER, BITBUCKET_TOKEN));
    }
}
