package io.github.atlassianlifecycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.github.atlassianlifecycle.support.FreeAccounts;
import io.github.atlassianlifecycle.app.AtlassianLifecycleApplication;
import io.github.atlassianlifecycle.campaign.CampaignRow;
import io.github.atlassianlifecycle.campaign.CampaignService;
import io.github.atlassianlifecycle.lifecycle.ReasonCode;
import io.github.atlassianlifecycle.lifecycle.reconcile.Finding;
import io.github.atlassianlifecycle.lifecycle.reconcile.FindingKind;
import io.github.atlassianlifecycle.lifecycle.reconcile.ReconciliationStatus;
import io.github.atlassianlifecycle.reconciliation.ReconciliationRepository;
import io.github.atlassianlifecycle.reconciliation.StoredReconciliation;
import io.github.atlassianlifecycle.request.RequestRepository;
import io.github.atlassianlifecycle.support.EngineRest;
import io.github.atlassianlifecycle.support.FreeLoopbackPort;
import io.github.atlassianlifecycle.support.LogCapture;
import io.github.atlassianlifecycle.support.SimulatorControl;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Notifications by mail, in the demo application with mail switched on, against a real SMTP server (GreenMail) the
 * test starts: the approvers of a new approval, again at its reminder, the escalation group when it stays unanswered,
 * the requester at the end, a campaign's person with a keep link that works; a mail server that is down stops
 * nothing and shows; no mail carries a key. Its own context: the shared demo context has mail off.
 */
@SpringBootTest(classes = AtlassianLifecycleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = { "camunda.bpm.process-engine-name=" + NotificationsIT.ENGINE,
                // The Camunda webapps keep their runtime in static fields: a second copy started here would take
                // them over from the shared demo context that the browser tests use.
                "camunda.bpm.webapp.enabled=false",
                "atlassian.notifications.mail.enabled=true", "spring.mail.host=127.0.0.1",
                "atlassian.notifications.mail.from=lifecycle@lifecycle.example",
                "atlassian.notifications.public-base-url=http://127.0.0.1:${server.port}",
                "atlassian.notifications.escalation-group=lifecycle-security",
                "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
                "spring.mail.properties[mail.smtp.timeout]=2000" })
@ContextConfiguration(initializers = FreeLoopbackPort.class)
@ActiveProfiles("demo")
@DirtiesContext
class NotificationsIT {

    /**
     * Its own engine name: Camunda keeps engines in a JVM-wide registry by name, and {@code /engine-rest} without a
     * name answers from the one called "default", which must stay the shared {@code @DemoAppTest} context's (with
     * two engines called "default", the demo context's engine REST API answered from this one, and the classes after
     * this one failed). The Tasklist links of its mails name it.
     */
    static final String ENGINE = "notificationsIT";

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Pattern KEEP_LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/api/campaigns/keep/[A-Za-z0-9_.~-]+");
    static final int SMTP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ReconciliationRepository reconciliations;
    @Autowired
    RequestRepository requests;
    @Autowired
    NotificationCounter counter;
    @Value("${atlassian.org-api-key}")
    String orgApiKey;
    @Value("${atlassian.scim-api-key}")
    String scimApiKey;
    @Value("${atlassian.site-api-token}")
    String siteApiToken;
    @Value("${atlassian.bitbucket-token}")
    String bitbucketToken;
    @Value("${atlassian.inactivity.keep-link-key}")
    String keepLinkKey;

    SimulatorControl simulator;
    final List<String> started = new ArrayList<>();
    /** Every mail received in the test, whole (headers and MIME parts) and decoded. */
    final List<String> received = new ArrayList<>();

    @BeforeEach
    void setUp() {
        simulator = new SimulatorControl("http://127.0.0.1:" + port + "/sim");
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        purge();
        // A second approver, and one the identity service has no address for: skipped, the others still mailed.
        IdentityService identity = engine.getIdentityService();
        for (String id : List.of("approver2", "nomail")) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                User user = identity.newUser(id);
                user.setEmail(id.equals("nomail") ? null : id + "@lifecycle.example");
                user.setPassword(id);
                identity.saveUser(user);
                identity.createMembership(id, "lifecycle-approvers");
            }
        }
    }

    @AfterEach
    void noMailCarriesASecret() {
        for (String secret : List.of(orgApiKey, scimApiKey, siteApiToken, bitbucketToken, keepLinkKey)) {
            assertThat(received).filteredOn(mail -> mail.contains(secret)).as("mails carrying a secret").isEmpty();
        }
        for (String id : started) {
            if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                engine.getRuntimeService().deleteProcessInstance(id, "test over", true, true);
            }
        }
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void each_approver_is_mailed_the_task_at_creation_and_reminder_the_escalation_group_when_unanswered_and_the_requester_the_outcome() {
        String instance = requestDisable(freeAccount(), "Left the company");
        Task task = awaitTask(instance);
        String link = "http://127.0.0.1:" + port + "/camunda/app/tasklist/" + ENGINE + "/#/?task=" + task.getId();
        Set<String> approvers = addressesOfCandidates(task);
        assertThat(approvers).as("the candidates with an address, not the requester")
                .contains("approver@lifecycle.example", "approver2@lifecycle.example")
                .doesNotContain("requester@lifecycle.example");

        List<MimeMessage> created = awaitMails(approvers.size());
        assertThat(recipients(created)).as("one mail each").containsExactlyInAnyOrderElementsOf(approvers);
        for (MimeMessage mail : created) {
            assertThat(subject(mail)).startsWith("Approval needed: disable");
            assertThat(text(mail)).contains(link).contains("requester asks to disable").contains("Left the company");
        }

        purge();
        fire(instance, "approve-reminder");
        List<MimeMessage> reminded = awaitMails(approvers.size());
        assertThat(recipients(reminded)).containsExactlyInAnyOrderElementsOf(approvers);
        assertThat(reminded).allSatisfy(mail -> {
            assertThat(subject(mail)).startsWith("Reminder: approval still waiting: disable");
            assertThat(text(mail)).contains(link);
        });

        purge();
        fire(instance, "approve-escalation");
        List<MimeMessage> escalated = awaitMails(1);
        assertThat(recipients(escalated)).containsExactly("security@lifecycle.example");
        assertThat(subject(escalated.get(0))).startsWith("Escalation: unanswered approval: disable");
        assertThat(text(escalated.get(0))).contains(link).contains("lifecycle-approvers");
        assertThat(engine.getTaskService().getTaskComments(task.getId())).extracting(c -> c.getFullMessage())
                .contains("Still unanswered after the reminder: escalated to lifecycle-security.");
        assertThat(awaitTask(instance).getId()).as("the approval still waits").isEqualTo(task.getId());

        purge();
        complete(task, "approver", Map.of("approved", true, "comment", "ok"));
        List<MimeMessage> outcome = awaitMails(1);
        assertThat(recipients(outcome)).containsExactly("requester@lifecycle.example");
        assertThat(subject(outcome.get(0))).isEqualTo("Your request to disable " + accountOf(instance) + ": applied");
        assertThat(text(outcome.get(0))).contains("http://127.0.0.1:" + port + "/api/requests/" + instance);
    }

    @Test
    void a_rejected_request_tells_its_requester_with_the_approvers_comment() {
        String instance = requestDisable(freeAccount(), "Contract ended");
        Task task = awaitTask(instance);
        awaitMails(addressesOfCandidates(task).size());
        purge();
        complete(task, "approver2", Map.of("approved", false, "comment", "She still works here"));
        List<MimeMessage> outcome = awaitMails(1);
        assertThat(recipients(outcome)).containsExactly("requester@lifecycle.example");
        assertThat(subject(outcome.get(0))).endsWith(": rejected");
        assertThat(text(outcome.get(0))).contains("Comment: She still works here");
        assertThat(counter.count(MailKind.APPROVAL_WAITING, NotificationCounter.Result.SKIPPED))
                .as("nomail has no address").isPositive();
    }

    @Test
    void a_campaign_notice_arrives_with_a_keep_link_that_keeps_the_row_when_followed() {
        String account = freeAccount();
        String email = (String) simulator.account(account).get("email");
        String campaign = approvedCampaignOf(account);
        MimeMessage notice = awaitMails(1).get(0);
        assertThat(recipients(List.of(notice))).containsExactly(email.toLowerCase());
        assertThat(subject(notice)).startsWith("Your Atlassian access ends on");
        // The mail goes out inside the notice step; the row says so when the step commits.
        assertThat(await().atMost(PATIENCE).until(() -> row(campaign).notice(), sent -> sent != null))
                .isEqualTo(CampaignRow.Notice.SENT);
        Matcher link = KEEP_LINK.matcher(text(notice));
        assertThat(link.find()).as(text(notice)).isTrue();

        HttpResponse<String> kept = http(HttpRequest.newBuilder(URI.create(link.group()))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(kept.body()).contains("Access kept");
        assertThat(row(campaign).state()).isEqualTo(CampaignRow.State.KEPT);
    }

    @Test
    void with_the_mail_server_down_the_approval_and_the_campaign_go_on_and_the_failures_show() {
        SMTP.stop();
        double failedBefore = counter.count(MailKind.APPROVAL_WAITING, NotificationCounter.Result.FAILED);
        List<String> lines;
        String instance;
        String campaign;
        try (LogCapture logs = LogCapture.everything().quietConsole()) {
            instance = requestDisable(freeAccount(), "Left the company");
            awaitTask(instance);
            await().atMost(PATIENCE).until(() -> counter.count(MailKind.APPROVAL_WAITING,
                    NotificationCounter.Result.FAILED) > failedBefore);
            campaign = approvedCampaignOf(freeAccount());
            await().atMost(PATIENCE).until(() -> row(campaign).notice() != null);
            lines = logs.lines();
        }
        assertThat(lines).anyMatch(line -> line.contains("The approval-waiting mail to user approver")
                && line.contains("was not accepted by the mail server"));
        assertThat(awaitTask(instance)).as("the approval waits all the same").isNotNull();
        CampaignRow row = row(campaign);
        assertThat(row.notice()).isEqualTo(CampaignRow.Notice.NOT_SENT);
        assertThat(row.noticeError()).isEqualTo("notice not sent: the mail server did not accept the mail");
        assertThat(campaigns.find(campaign).orElseThrow().noticeEndsAt()).as("the campaign went on").isNotNull();
    }

    // ---- helpers

    static void purge() {
        try {
            SMTP.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    String requestDisable(String account, String reason) {
        ResponseEntity<Map<String, Object>> started = EngineRest.onEngine(port, ENGINE, "requester", "requester")
                .start("account-disable", Map.of("accountId", account, "reason", reason));
        assertThat(started.getStatusCode().is2xxSuccessful()).as(String.valueOf(started.getBody())).isTrue();
        String id = (String) started.getBody().get("id");
        this.started.add(id);
        return id;
    }

    Task awaitTask(String instance) {
        return await().atMost(PATIENCE).until(() -> engine.getTaskService().createTaskQuery()
                .processInstanceId(instance).singleResult(), task -> task != null);
    }

    void complete(Task task, String user, Map<String, Object> variables) {
        ResponseEntity<String> done = EngineRest.onEngine(port, ENGINE, user, user).complete(task.getId(), variables);
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }

    void fire(String instance, String timer) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(timer)
                .timers().singleResult();
        assertThat(job).as("the timer " + timer).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    String accountOf(String instance) {
        return (String) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("accountId").singleResult().getValue();
    }

    /** The addresses of the task's candidate users and candidate groups' members, as the identity service has them. */
    Set<String> addressesOfCandidates(Task task) {
        IdentityService identity = engine.getIdentityService();
        Set<String> addresses = new java.util.TreeSet<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                identity.createUserQuery().memberOfGroup(link.getGroupId()).list().stream()
                        .filter(user -> !user.getId().equals("requester")).map(User::getEmail)
                        .filter(email -> email != null).forEach(addresses::add);
            }
        }
        return addresses;
    }

    /** Waits for this many mails and checks no more came with them (each person is mailed in one loop). */
    List<MimeMessage> awaitMails(int count) {
        assertThat(SMTP.waitForIncomingEmail(PATIENCE.toMillis(), count)).as(count + " mails").isTrue();
        List<MimeMessage> mails = List.of(SMTP.getReceivedMessages());
        for (MimeMessage mail : mails) {
            received.add(GreenMailUtil.getWholeMessage(mail) + "\n" + text(mail));
        }
        assertThat(mails).hasSize(count);
        return mails;
    }

    static List<String> recipients(List<MimeMessage> mails) {
        List<String> to = new ArrayList<>();
        for (MimeMessage mail : mails) {
            try {
                for (var address : mail.getRecipients(Message.RecipientType.TO)) {
                    to.add(address.toString().toLowerCase());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return to;
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A campaign of one INACTIVE finding for the account, approved by security: its notice goes out. */
    String approvedCampaignOf(String account) {
        String reconciliation = UUID.randomUUID().toString();
        Instant now = Instant.now();
        reconciliations.insert(new StoredReconciliation(reconciliation, true, ReconciliationStatus.RUNNING, null,
                "security", reconciliation, null, now, now));
        reconciliations.saveFindings(reconciliation, List.of(new Finding(account,
                (String) simulator.account(account).get("email"), account, FindingKind.INACTIVE,
                ReasonCode.INACTIVITY, "no product activity for 90 days", List.of())));
        reconciliations.status(reconciliation, ReconciliationStatus.COMPLETED, null);
        HttpResponse<String> asked = http(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/campaigns")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("automation:automation".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reconciliationId\": \"" + reconciliation + "\"}")));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String campaign;
        try {
            campaign = new com.fasterxml.jackson.databind.ObjectMapper().readTree(asked.body()).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String instance = await().atMost(PATIENCE).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign).processDefinitionKey(CampaignService.PROCESS_KEY).list().stream()
                .map(p -> p.getId()).findFirst().orElse(null), id -> id != null);
        started.add(instance);
        complete(awaitTask(instance), "security", Map.of("approved", true, "comment", "Idle seats"));
        return campaign;
    }

    static HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CampaignRow row(String campaign) {
        return campaigns.rows(campaign).get(0);
    }

    /** An active, managed account of the org's own directory, with no privileged role and no request on record. */
    String freeAccount() {
        return new FreeAccounts(simulator, requests).take();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
