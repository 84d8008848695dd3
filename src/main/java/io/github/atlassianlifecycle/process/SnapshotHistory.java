package io.github.atlassianlifecycle.process;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.value.SerializableValue;

import io.github.atlassianlifecycle.lifecycle.LifecycleAction;
import io.github.atlassianlifecycle.lifecycle.account.AccountSnapshot;
import io.github.atlassianlifecycle.lifecycle.plan.PlanJson;

/**
 * Finds the snapshot the latest disable (or delete) of an account recorded, in Camunda's history, so an enable can
 * restore exactly those groups.
 */
final class SnapshotHistory {

    private SnapshotHistory() {
    }

    static Optional<AccountSnapshot> latest(HistoryService history, String accountId) {
        if (accountId == null) {
            return Optional.empty();
        }
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(LifecycleAction.DISABLE.processKey(), LifecycleAction.DELETE.processKey())
                .variableValueEquals(ProcessVariables.ACCOUNT_ID, accountId)
                .orderByProcessInstanceStartTime().desc()
                .listPage(0, 20)) {
            HistoricVariableInstance snapshot = history.createHistoricVariableInstanceQuery()
                    .processInstanceId(instance.getId()).variableName(ProcessVariables.SNAPSHOT)
                    .disableCustomObjectDeserialization().singleResult();
            if (snapshot != null && snapshot.getTypedValue() instanceof SerializableValue json
                    && json.getValueSerialized() != null) {
                return Optional.of(PlanJson.read(json.getValueSerialized(), AccountSnapshot.class));
            }
        }
        return Optional.empty();
    }
}
