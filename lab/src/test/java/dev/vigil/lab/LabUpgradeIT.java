package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * lab/upgrade as seen by a client: a poller sends GET http://127.0.0.1:5000/v3 through HAProxy every
 * 50 ms (java.net.http, one HttpClient, so the client connection to HAProxy is kept alive and reused;
 * HAProxy opens a new server connection per request, option http-server-close). The EVENT lines the
 * script prints are the ground truth for when it changed state.
 */
class LabUpgradeIT {
    private static final URI KEYSTONE = URI.create("http://127.0.0.1:5000/v3");
    private static final long PERIOD_MS = 50;

    record Sample(Instant at, int status) {
        boolean ok() {
            return status == 200;
        }
    }

    record Event(Instant at, String backend, String server, String what) {
    }

    record Run(int exitCode, List<String> output, List<Event> events) {
    }

    @Test
    void rollingRestartOfIdentityCausesZeroFailedRequests() throws Exception {
        List<Sample> samples = new ArrayList<>();
        Run run = pollWhile(samples, "rolling", "identity");

        assertThat(run.exitCode()).as(String.join("\n", run.output())).isZero();
        for (String server : List.of("identity-1", "identity-2")) {
            assertThat(run.events()).filteredOn(e -> e.server().equals(server)).extracting(Event::what)
                    .containsExactly("drain", "stopping", "stopped", "started", "healthy", "ready", "up");
        }
        List<Sample> failed = samples.stream().filter(s -> !s.ok()).collect(Collectors.toList());
        System.out.printf("rolling identity: %d requests, %d failed%n", samples.size(), failed.size());
        assertThat(samples.size()).as("requests sent during the rolling restart").isGreaterThan(100);
        assertThat(failed).as("failed requests during a drained rolling restart").isEmpty();
    }

    @Test
    void threeSecondOutageOfIdentityFailsRequestsForThreeSeconds() throws Exception {
        List<Sample> samples = new ArrayList<>();
        Run run = pollWhile(samples, "outage", "identity", "3");

        assertThat(run.exitCode()).as(String.join("\n", run.output())).isZero();
        Event maint = run.events().stream().filter(e -> e.what().equals("maint")).findFirst().orElseThrow();
        Event back = run.events().stream().filter(e -> e.what().equals("back")).findFirst().orElseThrow();
        double commanded = Duration.between(maint.at(), back.at()).toNanos() / 1e9;
        assertThat(commanded).as("window between the two set server commands").isCloseTo(3.0, within(0.1));

        int first = indexOf(samples, false, 0);
        assertThat(first).as("a request failed during the outage").isNotNegative();
        int recovered = indexOf(samples, true, first);
        assertThat(recovered).as("requests succeed again after the outage").isPositive();
        double span = Duration.between(samples.get(first).at(), samples.get(recovered).at()).toNanos() / 1e9;
        long failures = samples.stream().filter(s -> !s.ok()).count();
        System.out.printf("outage identity 3: %d requests, %d failed, first failure -> first success %.3f s, "
                + "commanded %.3f s%n", samples.size(), failures, span, commanded);
        assertThat(span).as("first failure to first success after it").isCloseTo(3.0, within(0.2));
        assertThat(samples.subList(first, recovered)).as("one contiguous window of failures").noneMatch(Sample::ok);
        assertThat(samples.subList(first, recovered)).extracting(Sample::status).containsOnly(503);
        assertThat(Duration.between(maint.at(), samples.get(first).at()).abs().toMillis())
                .as("first failure vs. the maint event").isLessThan(200);
        assertThat(Duration.between(back.at(), samples.get(recovered).at()).abs().toMillis())
                .as("first success vs. the back event").isLessThan(200);
    }

    private static int indexOf(List<Sample> samples, boolean ok, int from) {
        for (int i = from; i < samples.size(); i++) {
            if (samples.get(i).ok() == ok) {
                return i;
            }
        }
        return -1;
    }

    /** Poll every 50 ms from 1 s before until 1.5 s after `lab/upgrade ARGS`, collecting samples. */
    private static Run pollWhile(List<Sample> samples, String... args) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        AtomicBoolean stop = new AtomicBoolean();
        List<Sample> out = Collections.synchronizedList(samples);
        Thread poller = new Thread(() -> {
            long next = System.nanoTime();
            while (!stop.get()) {
                Instant at = Instant.now();
                int status;
                try {
                    status = client.send(HttpRequest.newBuilder(KEYSTONE).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    status = -1;
                }
                out.add(new Sample(at, status));
                next += TimeUnit.MILLISECONDS.toNanos(PERIOD_MS);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                } else {
                    next = System.nanoTime();
                }
            }
        }, "poller");
        poller.start();
        try {
            Thread.sleep(1000);
            Run run = runUpgrade(args);
            Thread.sleep(1500);
            return run;
        } finally {
            stop.set(true);
            poller.join(10_000);
        }
    }

    private static Run runUpgrade(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Lab.dir().resolve("upgrade").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                System.out.println("lab/upgrade: " + line);
                String[] f = line.split(" ");
                if (f.length == 5 && f[0].equals("EVENT")) {
                    events.add(new Event(Instant.parse(f[1]), f[2], f[3], f[4]));
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("lab/upgrade " + String.join(" ", args) + " did not finish in 5 min");
        }
        return new Run(p.exitValue(), lines, events);
    }
}
