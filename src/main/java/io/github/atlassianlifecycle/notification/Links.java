package io.github.atlassianlifecycle.notification;

/**
 * The links mails carry, from the two configured addresses: the application's public one (keep links, requests) and
 * Tasklist's (tasks).
 */
public final class Links {

    private final String publicBase;
    private final String tasklistBase;

    /** @param tasklistBase up to {@code /app/tasklist}, for example {@code https://lifecycle.acme.com/camunda} */
    public Links(String publicBase, String tasklistBase) {
        this.publicBase = withoutTrailingSlash(publicBase);
        this.tasklistBase = withoutTrailingSlash(tasklistBase);
    }

    /** The task in Tasklist. */
    public String task(String taskId) {
        return tasklistBase + "/app/tasklist/default/#/?task=" + taskId;
    }

    /** A path of the application (a keep link's, which starts with a slash) as a link. */
    public String path(String path) {
        return publicBase + path;
    }

    /** The request as the request API shows it. */
    public String request(String requestId) {
        return path("/api/requests/" + requestId);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
