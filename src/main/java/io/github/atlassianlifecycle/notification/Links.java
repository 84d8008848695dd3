package io.github.atlassianlifecycle.notification;

/**
 * The links mails carry, from the two configured addresses: the application's public one (keep links, requests) and
 * Tasklist's (tasks).
 */
public final class Links {

    private final String publicBase;
    private final String tasklistBase;
    private final String engineName;

    /**
     * @param tasklistBase up to {@code /app/tasklist}, for example {@code https://lifecycle.acme.com/camunda}
     * @param engineName the process engine whose tasks Tasklist shows ({@code camunda.bpm.process-engine-name}):
     *        Tasklist's address names it, and a host application's engine need not be called "default"
     */
    public Links(String publicBase, String tasklistBase, String engineName) {
        this.publicBase = withoutTrailingSlash(publicBase);
        this.tasklistBase = withoutTrailingSlash(tasklistBase);
        this.engineName = engineName;
    }

    /** The task in Tasklist. */
    public String task(String taskId) {
        return tasklistBase + "/app/tasklist/" + engineName + "/#/?task=" + taskId;
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
