package io.github.atlassianlifecycle.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * Nothing lost, nothing done twice, as Atlassian (the simulator) saw it: each disabled account is deactivated or
 * suspended; each added person exists once, invited once and put in the group once; and no
 * account at all was changed by the same operation twice.
 */
final class ExactlyOnce {

    private ExactlyOnce() {
    }

    static CallLedger check(SimulatorControl simulator, Workload workload) {
        CallLedger ledger = CallLedger.of(simulator);
        Map<String, Map<String, Integer>> changes = ledger.changesByAccount();
        changes.forEach((account, operations) -> assertThat(operations).as("changes of account " + account)
                .allSatisfy((operation, times) -> assertThat(times).as(operation + " of " + account).isEqualTo(1)));
        for (String account : workload.disables()) {
            // Deactivated (user management or SCIM) or suspended in the org (an account of another directory).
            assertThat(simulator.account(account).get("status")).as("org status of disabled account " + account)
                    .isIn("deactivated", "suspended");
            assertThat(changes.get(account)).as("changes of disabled account " + account).isNotEmpty();
        }
        for (String email : workload.adds()) {
            List<Map<String, Object>> people = simulator.accounts().stream()
                    .filter(a -> email.equalsIgnoreCase((String) a.get("email"))).toList();
            assertThat(people).as("accounts with the address " + email).hasSize(1);
            String account = (String) people.get(0).get("accountId");
            assertThat(people.get(0).get("orgGroups")).asList().containsExactly(Workload.GROUP);
            assertThat(changes.get(account).keySet()).as("changes of added account " + account)
                    .satisfiesExactlyInAnyOrder(change -> assertThat(change).startsWith("organizations.invite "),
                            change -> assertThat(change).startsWith("organizations.addMembership "));
        }
        return ledger;
    }
}
