package io.github.atlassianlifecycle.lifecycle;

/** What a request asks for; each has its own process definition. */
public enum LifecycleAction {
    ADD("account-add"),
    DISABLE("account-disable"),
    ENABLE("account-enable"),
    DELETE("account-delete");

    private final String processKey;

    LifecycleAction(String processKey) {
        this.processKey = processKey;
    }

    /** The BPMN process definition key, a public contract. */
    public String processKey() {
        return processKey;
    }

    public static LifecycleAction ofProcessKey(String processKey) {
        for (LifecycleAction action : values()) {
            if (action.processKey.equals(processKey)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no lifecycle action for process " + processKey);
    }
}
