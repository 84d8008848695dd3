package io.github.atlassianlifecycle.lifecycle;

/** Why a request was made; drives approval routing (for example pre-approval of terminations by automation). */
public enum ReasonCode {
    TERMINATION, LEAVE, SECURITY_INCIDENT, INACTIVITY, ACCESS_REQUEST, OTHER
}
