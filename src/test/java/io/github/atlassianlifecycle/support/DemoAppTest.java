package io.github.atlassianlifecycle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.github.atlassianlifecycle.app.AtlassianLifecycleApplication;

/**
 * The whole application as a newcomer runs it (profile {@code demo}: H2, the built-in simulator, demo users) on a
 * free port chosen before the context starts ({@link FreeLoopbackPort}), because the demo's Atlassian URLs name it.
 * Every class with this annotation shares one Spring context, so keep them few. Every answer of the request API the
 * class receives must be one {@code /v3/api-docs} declares ({@link ApiAnswersDeclared}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// More simulated people than the demo's 60: the test classes sharing this context each need accounts of their own,
// and the bulk test a thousand of its own (requests of theirs stay on record, so other classes cannot use them).
@SpringBootTest(classes = { AtlassianLifecycleApplication.class, ApiAnswerRecording.class, NoticeOutbox.class },
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = "simulator.users=1500")
@ContextConfiguration(initializers = FreeLoopbackPort.class)
@ActiveProfiles("demo")
@ExtendWith(ApiAnswersDeclared.class)
public @interface DemoAppTest {
}
