package io.github.atlassianlifecycle.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import io.github.atlassianlifecycle.app.AtlassianLifecycleApplication;

/**
 * A test against the standalone simulator (profile {@code simulator}: no engine, no database) on a random port.
 * Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AtlassianLifecycleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("simulator")
public @interface SimulatorOnlyTest {
}
