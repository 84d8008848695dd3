package io.github.atlassianlifecycle.process.steps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;
import io.github.atlassianlifecycle.process.seal.RequestFingerprint;
import io.github.atlassianlifecycle.process.variables.ProcessVariables;

/**
 * Finds, in Camunda's history, the snapshot an enable restores: the newest by the time it was taken, among the
 * disables and deletes of the account that took one. Only snapshots the process took count: each carries the
 * engine's seal ({@code snapshotSeal}) over its instance and its JSON, so a {@code snapshot} variable written any
 * other way (a start variable, an edit) is ignored.
 */
final class SnapshotHistory {

    /** Instances per history query of their variables (a bound on the SQL {@code IN} list). */
    private static final int CHUNK = 200;

    private SnapshotHistory() {
    }

    /** The seal {@link TakeSnapshotDelegate} keeps beside the snapshot JSON it wrote. */
    static String seal(String processInstanceId, String snapshotJson, ManagementService management) {
        return RequestFingerprint.mac("snapshot\n" + processInstanceId + "\n" + snapshotJson, management);
    }

    static Optional<AccountSnapshot> latest(ProcessEngineServices engine, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        HistoryService history = engine.getHistoryService();
        List<String> instances = history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(LifecycleAction.DISABLE.processKey(), LifecycleAction.DELETE.processKey())
                .variableValueEquals(ProcessVariables.ACCOUNT_ID, accountId).list().stream()
                .map(HistoricProcessInstance::getId).toList();
        List<AccountSnapshot> authentic = new ArrayList<>();
        for (int from = 0; from < instances.size(); from += CHUNK) {
            List<String> chunk = instances.subList(from, Math.min(instances.size(), from + CHUNK));
            Map<String, Map<String, String>> byInstance = new HashMap<>();
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(chunk.toArray(String[]::new))
                    .variableNameIn(ProcessVariables.SNAPSHOT, ProcessVariables.SNAPSHOT_SEAL)
                    .disableCustomObjectDeserialization().list()) {
                String text = variable.getTypedValue() instanceof SerializableValue json ? json.getValueSerialized()
                        : variable.getValue() == null ? null : variable.getValue().toString();
                if (text != null) {
                    byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                            .put(variable.getName(), text);
                }
            }
            byInstance.forEach((instance, variables) -> authentic(instance, variables, accountId,
                    engine.getManagementService()).ifPresent(authentic::add));
        }
        return authentic.stream().max(Comparator.comparing(AccountSnapshot::takenAt,
                Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    private static Optional<AccountSnapshot> authentic(String instance, Map<String, String> variables,
            String accountId, ManagementService management) {
        String json = variables.get(ProcessVariables.SNAPSHOT);
        String seal = variables.get(ProcessVariables.SNAPSHOT_SEAL);
        if (json == null || seal == null || !seal.equals(seal(instance, json, management))) {
            return Optional.empty();
        }
        AccountSnapshot snapshot = PlanJson.read(json, AccountSnapshot.class);
        return Objects.equals(snapshot.accountId(), accountId) ? Optional.of(snapshot) : Optional.empty();
    }
}
