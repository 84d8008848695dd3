package io.github.atlassianlifecycle.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.github.atlassianlifecycle.support.RequestBodies;

/**
 * Requests sent as HR tooling would send them: pre-approved disables ({@code automation}, reason code
 * {@code TERMINATION}) to {@code POST /api/requests}, either all at once from a few senders or at a fixed offered
 * rate (an open workload: a request is sent at its time whether or not the earlier ones were answered).
 */
final class Load {

    /** What the senders saw: when each account's 202 came, and how many answers were not 202. */
    record Sent(Map<String, Instant> acceptedAt, int refused, Instant first, Instant last) {
    }

    private Load() {
    }

    /** The times, from the start, at which an open workload of {@code perSecond} sends over {@code length}. */
    static List<Duration> schedule(double perSecond, Duration length) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("an offered rate is positive: " + perSecond);
        }
        long count = (long) Math.floor(perSecond * length.toNanos() / 1e9);
        List<Duration> times = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            times.add(Duration.ofNanos(Math.round(i * 1e9 / perSecond)));
        }
        return times;
    }

    /** Sends one disable per account at {@code perSecond}, each at its scheduled time. */
    static Sent paced(RestClient automation, List<String> accounts, double perSecond) throws InterruptedException {
        List<Duration> times = schedule(perSecond, Duration.ofNanos(Math.round(accounts.size() * 1e9 / perSecond)));
        // Enough threads that a slow answer never delays the next send: the offered rate stays the rate asked for.
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(32);
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Instant first = Instant.now();
        try {
            for (int i = 0; i < times.size(); i++) {
                String account = accounts.get(i);
                senders.schedule(() -> send(automation, account, accepted, refused), times.get(i).toNanos(),
                        TimeUnit.NANOSECONDS);
            }
        } finally {
            senders.shutdown();
        }
        if (!senders.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new AssertionError("the paced senders did not finish in 10 minutes");
        }
        return new Sent(Map.copyOf(accepted), refused.get(), first, Instant.now());
    }

    /** Sends one disable per account, all at once, from {@code threads} senders. */
    static Sent burst(RestClient automation, List<String> accounts, int threads) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        Map<String, Instant> accepted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        Instant first = Instant.now();
        try {
            List<Future<?>> all = new ArrayList<>();
            for (String account : accounts) {
                all.add(senders.submit(() -> send(automation, account, accepted, refused)));
            }
            for (Future<?> one : all) {
                one.get(10, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }
        return new Sent(Map.copyOf(accepted), refused.get(), first, Instant.now());
    }

    private static void send(RestClient automation, String account, Map<String, Instant> accepted,
            AtomicInteger refused) {
        try {
            int status = automation.post().uri("/api/requests").contentType(MediaType.APPLICATION_JSON)
                    .body(RequestBodies.disable(account)).retrieve().toBodilessEntity().getStatusCode().value();
            if (status == 202) {
                accepted.put(account, Instant.now());
            } else {
                refused.incrementAndGet();
            }
        } catch (RuntimeException e) {
            refused.incrementAndGet();
        }
    }
}
