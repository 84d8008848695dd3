package io.github.atlassianlifecycle.simulator.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks the credential of each kind exactly as Atlassian does: the org key as {@code Bearer} for the admin and
 * user management APIs, the SCIM key as {@code Bearer} for SCIM, Basic email:token for the site, Basic or Bearer
 * for Bitbucket. A key of the wrong kind, or a missing {@code Bearer } prefix, is refused.
 */
public class CredentialCheck {

    private final SimulatorProperties properties;

    public CredentialCheck(SimulatorProperties properties) {
        this.properties = properties;
    }

    public boolean orgKey(HttpServletRequest request) {
        return same(authorization(request), "Bearer " + properties.getOrgApiKey());
    }

    public boolean scimKey(HttpServletRequest request) {
        return same(authorization(request), "Bearer " + properties.getScimApiKey());
    }

    public boolean siteToken(HttpServletRequest request) {
        return same(authorization(request), basic(properties.getSiteEmail(), properties.getSiteApiToken()));
    }

    public boolean bitbucket(HttpServletRequest request) {
        String header = authorization(request);
        return same(header, basic(properties.getBitbucketUser(), properties.getBitbucketToken()))
                || same(header, "Bearer " + properties.getBitbucketToken());
    }

    private static String authorization(HttpServletRequest request) {
        return request.getHeader("Authorization");
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
