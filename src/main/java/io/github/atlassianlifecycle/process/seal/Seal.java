package io.github.atlassianlifecycle.process.seal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.camunda.bpm.engine.ManagementService;

/**
 * A seal over variables: the SHA-256 of each one's value, and the engine's HMAC over those digests, the process
 * instance and what the seal is for (so that a seal copied from another instance or task proves nothing). Kept
 * beside the variables it covers, it names whatever changed since it was made.
 */
public record Seal(Map<String, String> digests, String mac) {

    public Seal {
        digests = new TreeMap<>(digests);
    }

    public static Seal of(String purpose, String processInstanceId, Map<String, String> digests,
            ManagementService management) {
        return new Seal(digests, RequestFingerprint.mac(signed(purpose, processInstanceId, digests), management));
    }

    /** Was this seal made by the engine, for this purpose and instance, over exactly these digests? */
    public boolean isAuthentic(String purpose, String processInstanceId, ManagementService management) {
        String expected = RequestFingerprint.mac(signed(purpose, processInstanceId, digests), management);
        return mac != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                mac.getBytes(StandardCharsets.UTF_8));
    }

    /** The variables whose value is not what was sealed: changed, added or removed. */
    public List<String> changedIn(Map<String, String> now) {
        Set<String> names = new TreeSet<>(digests.keySet());
        names.addAll(now.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(digests.get(name), now.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static String signed(String purpose, String processInstanceId, Map<String, String> digests) {
        StringBuilder text = new StringBuilder(purpose).append('\n').append(processInstanceId).append('\n');
        new TreeMap<>(digests).forEach((name, digest) -> text.append(name).append('=').append(digest).append('\n'));
        return text.toString();
    }
}
