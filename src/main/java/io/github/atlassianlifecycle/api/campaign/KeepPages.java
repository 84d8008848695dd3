package io.github.atlassianlifecycle.api.campaign;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.github.atlassianlifecycle.campaign.KeepOutcome;

/**
 * The pages a person sees at a keep link: plain HTML, nothing from the request echoed (the form posts to its own
 * address), never cached, never indexed, and never telling the next site the address (it carries the token).
 */
final class KeepPages {

    private KeepPages() {
    }

    static ResponseEntity<String> confirm() {
        return page(HttpStatus.OK, "Keep your Atlassian access", "Your Atlassian account was found inactive and is "
                + "due to be disabled at the end of the notice period. To keep it, confirm below.</p>"
                + "<form method=\"post\"><button type=\"submit\">Keep my access</button></form><p>");
    }

    static ResponseEntity<String> outcome(KeepOutcome outcome) {
        return switch (outcome) {
            case KEPT -> page(HttpStatus.OK, "Access kept", "Thank you: your Atlassian account stays active.");
            case ALREADY_USED -> page(HttpStatus.CONFLICT, "Already used",
                    "This link was already used, or your account's review has ended. Nothing was changed.");
            case EXPIRED -> page(HttpStatus.GONE, "Link expired",
                    "The notice period is over. Nothing was changed; ask your administrator.");
            case CANCELLED -> page(HttpStatus.GONE, "Campaign cancelled",
                    "This campaign was cancelled: your account is not disabled by it. Nothing was changed.");
            case INVALID -> page(HttpStatus.NOT_FOUND, "Not a valid link",
                    "This is not a keep link this service issued. Nothing was changed.");
            case UNAVAILABLE -> page(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                    "Keep links are not configured on this service. Nothing was changed.");
        };
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "</head><body><h1>" + title + "</h1><p>" + text + "</p></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex").body(html);
    }
}
