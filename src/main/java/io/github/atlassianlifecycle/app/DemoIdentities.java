package io.github.atlassianlifecycle.app;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.spring.SpringProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo's people, created when the engine starts, in the demo profile only: a requester, an approver, a
 * security officer and an automation account, each in their lifecycle group (the admin {@code demo} comes from
 * {@code camunda.bpm.admin-user}). Passwords equal user names; README lists them.
 */
@Component
@Profile("demo")
class DemoIdentities extends SpringProcessEnginePlugin {

    static final String REQUESTERS = "lifecycle-requesters";
    static final String APPROVERS = "lifecycle-approvers";
    static final String SECURITY = "lifecycle-security";
    static final String AUTOMATION = "lifecycle-automation";

    private static final Logger LOG = LoggerFactory.getLogger(DemoIdentities.class);

    private record DemoUser(String id, String firstName, String lastName, String group, String groupName) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("requester", "Riley", "Requester", REQUESTERS, "Lifecycle requesters"),
            new DemoUser("approver", "Avery", "Approver", APPROVERS, "Lifecycle approvers"),
            new DemoUser("security", "Sam", "Security", SECURITY, "Lifecycle security officers"),
            new DemoUser("automation", "Auto", "Mation", AUTOMATION, "Lifecycle automation (HR, service desk)"));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        for (DemoUser demo : USERS) {
            ensureGroup(identity, demo.group(), demo.groupName());
            if (identity.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identity.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setEmail(demo.id() + "@lifecycle.example");
                user.setPassword(demo.id());
                identity.saveUser(user);
                identity.createMembership(demo.id(), demo.group());
            }
        }
        LOG.info("Demo identities ready: {}", USERS.stream().map(DemoUser::id).toList());
    }

    private static void ensureGroup(IdentityService identity, String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
