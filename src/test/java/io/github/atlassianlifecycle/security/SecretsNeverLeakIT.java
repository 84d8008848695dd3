package io.github.atlassianlifecycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.atlassianlifecycle.app.AtlassianLifecycleApplication;
import io.github.atlassianlifecycle.client.AtlassianApiException;
import io.github.atlassianlifecycle.client.bitbucket.BitbucketClient;
import io.github.atlassianlifecycle.client.confluence.ConfluenceClient;
import io.github.atlassianlifecycle.client.jira.JiraClient;
import io.github.atlassianlifecycle.client.organizations.OrganizationsClient;
import io.github.atlassianlifecycle.client.scim.ScimClient;
import io.github.atlassianlifecycle.client.usermanagement.UserManagementClient;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.FreeLoopbackPort;
import io.github.atlassianlifecycle.support.LogCapture;
import io.github.atlassianlifecycle.support.SimulatorControl;

/**
 * The whole application with distinctive Atlassian secrets (and the simulator accepting exactly those) runs full
 * flows — a disable and an add with org, Jira and Confluence groups, both approved and completed; an add Atlassian
 * refuses for good, waiting at "Resolve manually"; a disable whose calls keep failing until its job is an incident —
 * with every logger at TRACE. Then the secrets, and the Base64 of the site's {@code email:token} and of Bitbucket's
 * {@code user:token}, must appear in no log line, no process variable (runtime or historic, serialized values
 * included), no historic detail, job log, incident or user operation entry, no job exception or stacktrace, no REST
 * answer, no exception message provoked on the way, and no value stored in any table of the database.
 *
 * <p>Excluded on purpose: log lines of {@code org.apache.coyote} and {@code org.apache.tomcat}. The simulator's web
 * server plays Atlassian's side of the wire, which does receive the keys; its request logs are Atlassian's, not ours.
 */
// The demo's Atlassian URLs name this application's port, so it is chosen before the context starts.
@SpringBootTest(classes = AtlassianLifecycleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
                "camunda.bpm.process-engine-name=" + SecretsNeverLeakIT.ENGINE,
                // The Camunda webapps keep their runtime in static fields: a second copy started here would take
                // them over from the shared demo context that the browser tests use.
                "camunda.bpm.webapp.enabled=false",
                "atlassian.org-api-key=" + SecretsNeverLeakIT.ORG_KEY,
                "simulator.org-api-key=" + SecretsNeverLeakIT.ORG_KEY,
                "atlassian.scim-api-key=" + SecretsNeverLeakIT.SCIM_KEY,
                "simulator.scim-api-key=" + SecretsNeverLeakIT.SCIM_KEY,
                "atlassian.site-email=" + SecretsNeverLeakIT.SITE_EMAIL,
                "simulator.site-email=" + SecretsNeverLeakIT.SITE_EMAIL,
                "atlassian.site-api-token=" + SecretsNeverLeakIT.SITE_TOKEN,
                "simulator.site-api-token=" + SecretsNeverLeakIT.SITE_TOKEN,
                "atlassian.bitbucket-user=" + SecretsNeverLeakIT.BITBUCKET_USER,
                "simulator.bitbucket-user=" + SecretsNeverLeakIT.BITBUCKET_USER,
                "atlassian.bitbucket-token=" + SecretsNeverLeakIT.BITBUCKET_TOKEN,
                "simulator.bitbucket-token=" + SecretsNeverLeakIT.BITBUCKET_TOKEN })
@ContextConfiguration(initializers = FreeLoopbackPort.class)
@ActiveProfiles("demo")
@DirtiesContext
class SecretsNeverLeakIT {

    /**
     * Its own engine name: Camunda keeps engines in a JVM-wide registry by name, and {@code /engine-rest} without a
     * name answers from the one called "default", which is the shared {@code @DemoAppTest} context's.
     */
    static final String ENGINE = "secretsNeverLeakIT";

    static final String ORG_KEY = "SECRET-ORG-5f1c9e27a3d8";
    static final String SCIM_KEY = "SECRET-SCIM-8d04b6e1f2c7";
    static final String SITE_EMAIL = "admin@demo.example";
    static final String SITE_TOKEN = "SECRET-SITE-3a7e2c90d4b1";
    static final String BITBUCKET_USER = "admin";
    static final String BITBUCKET_TOKEN = "SECRET-BB-c61f08e5b7a9";

    /** A harmless text that must be found where the secrets are looked for: the searches do look at the content. */
    static final String MARKER = "MARKER-reason-71d3e0";

    static final Map<String, String> SECRETS = secrets();

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    OrganizationsClient organizations;

    @Autowired
    UserManagementClient userManagement;

    @Autowired
    ScimClient scim;

    @Autowired
    JiraClient jira;

    @Autowired
    ConfluenceClient confluence;

    @Autowired
    BitbucketClient bitbucket;

    /** Everything that must not hold a secret, each with where it came from. */
    final List<Exposed> exposed = new ArrayList<>();

    record Exposed(String where, String text) {
    }

    @Test
    void no_secret_reaches_a_log_line_a_variable_the_history_an_incident_a_rest_answer_an_exception_or_the_database()
            throws Exception {
        SimulatorControl simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        simulator.reset();
        Http requester = new Http("requester", "requester");
        Http admin = new Http("demo", "demo");
        EngineRest approver = EngineRest.onEngine(port, ENGINE, "approver", "approver");
        EngineRest adminEngine = EngineRest.onEngine(port, ENGINE, "demo", "demo");

        String scimAccount = simulator.anyAccount(SimulatorControl.scimManaged()
                .and(a -> "active".equals(a.get("accountStatus"))));
        String orgAccount = simulator.activeManagedAccount();

        List<String> lines;
        String disableId;
        String addId;
        String refusedId;
        String incidentId;
        String refusedInstance;
        String incidentInstance;
        try (LogCapture logs = LogCapture.everything().quietConsole()) {
            // 1. A disable (SCIM-managed account: SCIM, Jira and Confluence calls), approved and completed.
            JsonNode disable = submit(requester, Map.of("action", "DISABLE", "accountId", scimAccount,
                    "reason", "Left the company " + MARKER, "reasonCode", "TERMINATION"));
            disableId = disable.path("id").asText();
            // 2. An add with an org, a Jira and a Confluence group, approved and completed.
            JsonNode add = submit(requester, Map.of("action", "ADD", "email", "secret.newhire@demo.example",
                    "displayName", "Secret Newhire", "groups", List.of("engineering", "jira:jira-software-users",
                            "confluence:confluence-users"), "reason", "New hire " + MARKER, "reasonCode", "ACCESS_REQUEST"));
            addId = add.path("id").asText();
            // 3. An add Atlassian refuses for good: the identity provider owns the group's members (403).
            JsonNode refused = submit(requester, Map.of("action", "ADD", "email", "secret.refused@demo.example",
                    "displayName", "Secret Refused", "groups", List.of("idp-synced-staff"),
                    "reason", "Refused " + MARKER, "reasonCode", "ACCESS_REQUEST"));
            refusedId = refused.path("id").asText();
            refusedInstance = refused.path("processInstanceId").asText();

            for (JsonNode request : List.of(disable, add, refused)) {
                approve(approver, request.path("processInstanceId").asText());
            }
            awaitCompleted(admin, disableId);
            awaitCompleted(admin, addId);
            assertThat(simulator.account(scimAccount)).containsEntry("accountStatus", "inactive");
            await().atMost(Duration.ofSeconds(60)).until(() -> !adminEngine.tasks(refusedInstance).isEmpty());
            Map<String, Object> resolve = adminEngine.tasks(refusedInstance).get(0);
            assertThat(resolve).as("Atlassian's refusal waits for a person").containsEntry("taskDefinitionKey", "resolve");
            ResponseEntity<String> noComment = adminEngine.complete((String) resolve.get("id"),
                    Map.of("resolution", "abort"));
            assertThat(noComment.getStatusCode().is4xxClientError() || noComment.getStatusCode().is5xxServerError())
                    .as("aborting without a comment is refused").isTrue();
            expose("refused resolve completion", noComment.getBody());
            expose("invalid submission", requester.post("/api/requests",
                    "{\"action\":\"DISABLE\",\"accountId\":\"" + scimAccount + "\",\"secret\":\"x\"}").getBody());

            // 4. Atlassian answers 500 to everything: the direct calls fail, and a disable's planning job becomes
            //    an incident once its retries are used up.
            simulator.faults(Map.of("serverErrorRate", 1));
            provoke("organizations", () -> organizations.user(orgAccount));
            provoke("user management", () -> userManagement.profile(orgAccount));
            provoke("scim", () -> scim.listUsers(1, 1));
            provoke("jira", () -> jira.user(orgAccount));
            provoke("confluence", () -> confluence.members("x", 0, 1));
            provoke("bitbucket", () -> bitbucket.findUser("admin"));
            JsonNode failing = submit(requester, Map.of("action", "DISABLE", "accountId", orgAccount,
                    "reason", "Incident " + MARKER));
            incidentId = failing.path("id").asText();
            incidentInstance = failing.path("processInstanceId").asText();
            ManagementService management = engine.getManagementService();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Job job = management.createJobQuery().processInstanceId(incidentInstance).singleResult();
                return job != null && job.getExceptionMessage() != null;
            });
            Job job = management.createJobQuery().processInstanceId(incidentInstance).singleResult();
            management.setJobRetries(job.getId(), 1);
            Throwable jobFailure = catchThrowable(() -> management.executeJob(job.getId()));
            assertThat(jobFailure).as("the job fails again when run by hand").isNotNull();
            exposeChain("executeJob", jobFailure);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    engine.getRuntimeService().createIncidentQuery().processInstanceId(incidentInstance).count() == 1);
            simulator.faults(Map.of());

            // Positive controls: every key was really used, and accepted (Bitbucket is used by no process yet).
            assertThat(bitbucket.findUser("admin")).isPresent();
            assertThat(calledOperations(simulator, scimAccount)).as("the disable used SCIM, Jira and Confluence")
                    .contains("scim", "jira", "confluence");

            collectRestAnswers(admin, adminEngine, requester, simulator,
                    List.of(disableId, addId, refusedId, incidentId), (String) resolve.get("id"), job.getId());
            lines = logs.lines();
        }

        // The logs
        assertThat(lines).as("the capture works").hasSizeGreaterThan(1000);
        List<String> ours = lines.stream().filter(line -> !line.startsWith("org.apache.coyote")
                && !line.startsWith("org.apache.tomcat")).toList();
        assertThat(String.join("\n", ours)).as("the logs show the work was done at TRACE").contains(MARKER);
        assertThat(lines).as("the capture does see the keys where they belong: the simulator's server (Atlassian's"
                + " side) logs the requests it receives").anyMatch(line -> line.startsWith("org.apache.coyote")
                        && line.contains(ORG_KEY));
        ours.forEach(line -> expose("log", line));

        collectEngineState(List.of(refusedInstance, incidentInstance));
        collectDatabase();

        // The things that must have happened, so that nothing here passes for want of content.
        HistoryService history = engine.getHistoryService();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(incidentInstance).list())
                .singleElement().satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("500"));
        assertThat(history.createHistoricIncidentQuery().processInstanceId(incidentInstance).count()).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(refusedInstance).taskDefinitionKey("resolve")
                .count()).isEqualTo(1);
        assertThat(exposed).filteredOn(e -> e.where().equals("REST /api/requests/" + refusedId + " (200)"))
                .singleElement().satisfies(e -> assertThat(e.text()).contains("\"status\":\"IN_PROGRESS\"")
                        .contains("403"));
        assertThat(exposed).filteredOn(e -> e.where().startsWith("db ")).anySatisfy(e -> assertThat(e.text())
                .contains(MARKER));
        assertThat(exposed).filteredOn(e -> e.where().startsWith("historic variable")).anySatisfy(e ->
                assertThat(e.text()).contains(MARKER));

        List<String> leaks = new ArrayList<>();
        for (Exposed e : exposed) {
            SECRETS.forEach((name, secret) -> {
                if (e.text() != null && e.text().contains(secret)) {
                    leaks.add(name + " in " + e.where() + ": " + abbreviate(e.text(), secret));
                }
            });
        }
        assertThat(leaks).as("places where a secret shows (of %d looked at)", exposed.size()).isEmpty();
    }

    // ---- the flows

    private JsonNode submit(Http as, Map<String, Object> body) throws Exception {
        ResponseEntity<String> answer = as.post("/api/requests", JSON.writeValueAsString(body));
        expose("submit " + body.get("action"), answer.getBody());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(202);
        return JSON.readTree(answer.getBody());
    }

    private void approve(EngineRest approver, String instanceId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !approver.tasks(instanceId).isEmpty());
        Map<String, Object> task = approver.tasks(instanceId).get(0);
        assertThat(task).containsEntry("taskDefinitionKey", "approve");
        assertThat(approver.complete((String) task.get("id"), Map.of("approved", true, "comment", "ok"))
                .getStatusCode().value()).isEqualTo(204);
    }

    private void awaitCompleted(Http admin, String requestId) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> "COMPLETED".equals(status(admin, requestId)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String instance = JSON.readTree(admin.get("/api/requests/" + requestId).getBody()).path("processInstanceId")
                    .asText();
            throw new AssertionError("request " + requestId + " did not complete: "
                    + admin.get("/api/requests/" + requestId).getBody() + "\njobs: "
                    + engine.getManagementService().createJobQuery().processInstanceId(instance).list().stream()
                            .map(j -> j.getId() + " retries=" + j.getRetries() + " due=" + j.getDuedate() + " "
                                    + j.getExceptionMessage()).toList()
                    + "\nactivities: " + engine.getRuntimeService().getActivityInstance(instance), e);
        }
    }

    private static String status(Http as, String requestId) throws Exception {
        return JSON.readTree(as.get("/api/requests/" + requestId).getBody()).path("status").asText();
    }

    private static String calledOperations(SimulatorControl simulator, String accountId) {
        Map<String, Object> calls = simulator.calls(accountId);
        return String.valueOf(calls.get("countsByAccount")).toLowerCase();
    }

    private void provoke(String what, Runnable call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).as(what).isInstanceOf(AtlassianApiException.class);
        assertThat(((AtlassianApiException) thrown).status()).as(what).isEqualTo(500);
        exposeChain(what, thrown);
    }

    // ---- what is looked at

    private void collectRestAnswers(Http admin, EngineRest engineAdmin, Http requester, SimulatorControl simulator,
            List<String> requestIds, String resolveTaskId, String failedJobId) throws Exception {
        Map<String, Supplier<ResponseEntity<String>>> answers = new LinkedHashMap<>();
        for (String id : requestIds) {
            answers.put("/api/requests/" + id, () -> admin.get("/api/requests/" + id));
            answers.put("/api/requests/" + id + "/evidence", () -> admin.get("/api/requests/" + id + "/evidence"));
            answers.put("requester /api/requests/" + id, () -> requester.get("/api/requests/" + id));
        }
        answers.put("/api/requests", () -> admin.get("/api/requests?size=100"));
        answers.put("requester /api/requests", () -> requester.get("/api/requests?size=100"));
        for (String path : List.of("/history/variable-instance", "/history/variable-instance?deserializeValues=false",
                "/variable-instance", "/variable-instance?deserializeValues=false", "/incident", "/history/incident",
                "/job", "/job/" + failedJobId + "/stacktrace", "/history/job-log",
                "/history/detail?deserializeValues=false", "/history/detail", "/task", "/history/task",
                "/task/" + resolveTaskId + "/form-variables", "/history/process-instance",
                "/history/activity-instance", "/history/user-operation", "/process-instance")) {
            answers.put("/engine-rest/engine/" + ENGINE + path, () -> engineAdmin.get(path));
        }
        for (JsonNode log : JSON.readTree(engineAdmin.get("/history/job-log?failureLog=true").getBody())) {
            String path = "/history/job-log/" + log.path("id").asText() + "/stacktrace";
            answers.put("/engine-rest/engine/" + ENGINE + path, () -> engineAdmin.get(path));
        }
        answers.put("/sim/_control/calls", () -> new Http("", "").get("/sim/_control/calls"));
        answers.put("/actuator/info", () -> admin.get("/actuator/info"));
        answers.put("/v3/api-docs", () -> admin.get("/v3/api-docs"));

        int ok = 0;
        for (Map.Entry<String, Supplier<ResponseEntity<String>>> answer : answers.entrySet()) {
            ResponseEntity<String> response = answer.getValue().get();
            ok += response.getStatusCode().is2xxSuccessful() ? 1 : 0;
            expose("REST " + answer.getKey() + " (" + response.getStatusCode().value() + ")", response.getBody());
            expose("REST headers " + answer.getKey(), response.getHeaders().toString());
        }
        assertThat(ok).as("every REST answer looked at is a real answer").isEqualTo(answers.size());
        assertThat(engineAdmin.get("/incident").getBody()).contains("failedJob");
        assertThat(engineAdmin.get("/job/" + failedJobId + "/stacktrace").getBody()).contains("AtlassianApiException");
    }

    private void collectEngineState(List<String> liveInstances) {
        RuntimeService runtime = engine.getRuntimeService();
        HistoryService history = engine.getHistoryService();
        ManagementService management = engine.getManagementService();
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(liveInstances))
                .count()).as("the refused and the failing request are still alive").isEqualTo(2);
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().list()) {
            VariableMap variables = runtime.getVariablesTyped(instance.getId(), false);
            variables.keySet().forEach(name -> expose("runtime variable " + name, typed(variables.getValueTyped(name))));
            expose("runtime variables " + instance.getId(), String.valueOf(runtime.getVariables(instance.getId())));
        }
        for (VariableInstance variable : runtime.createVariableInstanceQuery().disableCustomObjectDeserialization().list()) {
            expose("runtime variable instance " + variable.getName(), typed(variable.getTypedValue()));
            expose("runtime variable instance error " + variable.getName(), variable.getErrorMessage());
        }
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .disableCustomObjectDeserialization().list();
        assertThat(variables).hasSizeGreaterThan(20);
        for (HistoricVariableInstance variable : variables) {
            expose("historic variable " + variable.getName(), typed(variable.getTypedValue()));
            expose("historic variable error " + variable.getName(), variable.getErrorMessage());
        }
        List<HistoricDetail> details = history.createHistoricDetailQuery().disableCustomObjectDeserialization().list();
        assertThat(details).isNotEmpty();
        for (HistoricDetail detail : details) {
            if (detail instanceof HistoricVariableUpdate update) {
                expose("historic detail " + update.getVariableName(), typed(update.getTypedValue()));
                expose("historic detail error " + update.getVariableName(), update.getErrorMessage());
            } else {
                expose("historic detail", String.valueOf(detail));
            }
        }
        for (Job job : management.createJobQuery().list()) {
            expose("job exception " + job.getId(), job.getExceptionMessage());
            if (job.getExceptionMessage() != null) {
                String stacktrace = management.getJobExceptionStacktrace(job.getId());
                assertThat(stacktrace).isNotBlank();
                expose("job stacktrace " + job.getId(), stacktrace);
            }
        }
        List<HistoricJobLog> failures = history.createHistoricJobLogQuery().failureLog().list();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(2);
        for (HistoricJobLog log : failures) {
            expose("job log exception", log.getJobExceptionMessage());
            expose("job log stacktrace", history.getHistoricJobLogExceptionStacktrace(log.getId()));
        }
        for (Incident incident : runtime.createIncidentQuery().list()) {
            expose("incident", incident.getIncidentMessage());
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().list()) {
            expose("historic incident", incident.getIncidentMessage());
        }
        for (UserOperationLogEntry entry : history.createUserOperationLogQuery().list()) {
            expose("user operation", entry.getProperty() + "=" + entry.getOrgValue() + "->" + entry.getNewValue());
        }
        history.createHistoricTaskInstanceQuery().list().forEach(task -> expose("historic task",
                task.getName() + " " + task.getDescription() + " " + task.getDeleteReason()));
        history.createHistoricProcessInstanceQuery().list().forEach(instance -> expose("historic instance",
                instance.getBusinessKey() + " " + instance.getDeleteReason() + " " + instance.getEndActivityId()));
    }

    /** Every value of every table, bytes read one to one, so serialized and binary values are looked at too. */
    private void collectDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
                while (names.next()) {
                    String schema = names.getString("TABLE_SCHEM");
                    if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
                        tables.add("\"" + schema + "\".\"" + names.getString("TABLE_NAME") + "\"");
                    }
                }
            }
            assertThat(tables).anySatisfy(t -> assertThat(t).containsIgnoringCase("ACT_GE_BYTEARRAY"))
                    .anySatisfy(t -> assertThat(t).containsIgnoringCase("LIFECYCLE_API_CALL"));
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= meta.getColumnCount(); column++) {
                            expose("db " + table + "." + meta.getColumnName(column), text(rows.getObject(column)));
                        }
                    }
                }
            }
        }
    }

    private static String text(Object value) throws Exception {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value == null ? null : value.toString();
    }

    private static String typed(TypedValue value) {
        if (value == null) {
            return null;
        }
        if (value instanceof SerializableValue serializable) {
            return serializable.getValueSerialized() + " " + serializable.getSerializationDataFormat();
        }
        return String.valueOf(value.getValue());
    }

    private void expose(String where, String text) {
        exposed.add(new Exposed(where, text));
    }

    private void exposeChain(String where, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            expose("exception " + where, t.toString());
            for (StackTraceElement frame : t.getStackTrace()) {
                expose("exception frame " + where, frame.toString());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                expose("suppressed exception " + where, suppressed.toString());
            }
        }
    }

    private static String abbreviate(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 120), Math.min(text.length(), at + secret.length() + 40));
    }

    private static Map<String, String> secrets() {
        Base64.Encoder base64 = Base64.getEncoder();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("org API key", ORG_KEY);
        secrets.put("SCIM API key", SCIM_KEY);
        secrets.put("site API token", SITE_TOKEN);
        secrets.put("Bitbucket token", BITBUCKET_TOKEN);
        secrets.put("site Basic credentials", base64.encodeToString((SITE_EMAIL + ":" + SITE_TOKEN)
                .getBytes(StandardCharsets.UTF_8)));
        secrets.put("Bitbucket Basic credentials", base64.encodeToString((BITBUCKET_USER + ":" + BITBUCKET_TOKEN)
                .getBytes(StandardCharsets.UTF_8)));
        return secrets;
    }

    /** The application over HTTP as one user (HTTP Basic); error answers are returned, not thrown. */
    private final class Http {

        private final RestClient http;

        Http(String user, String password) {
            this.http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .defaultHeaders(h -> {
                        if (!user.isEmpty()) {
                            h.setBasicAuth(user, password);
                        }
                    })
                    .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                    .build();
        }

        ResponseEntity<String> get(String path) {
            return http.get().uri(path).retrieve().toEntity(String.class);
        }

        ResponseEntity<String> post(String path, String json) {
            return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                    .toEntity(String.class);
        }
    }
}
