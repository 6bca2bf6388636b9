package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.Topics;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two planner replicas as separate processes: the stack's planner and a second one from the same jar on port 8090,
 * started as infra/stack.sh starts a service, in the same consumer group. Each incoming topic is then split between
 * them by partition, so a run's events reach whichever planner owns its runId's partition on that topic.
 *
 * <p>Which planner gets what is read from the broker (the group's assignment before and after the second joins), and
 * runs with the noop coder (a node costs its orchestration and a Python start) are submitted until every planner
 * gets some run's events on every topic and, where the assignment allows it, one run's events go to both: a run that
 * adds nothing is cancelled and deleted at once. So what each planner's log must show is known in advance, and
 * nothing rests on how runIds happen to hash.
 */
class PlannerReplicasEndToEndTest {
    private static final Path TASK = Launcher.REPO.resolve("examples/breast-cancer");
    private static final int SECOND_PORT = 8090;
    private static final Path FIRST_LOG = Launcher.STACK_HOME.resolve("logs/planner-service.log");
    /** Beside the stack's logs, so CI prints it with them when a test fails (.ci/run). */
    private static final Path SECOND_LOG = Launcher.STACK_HOME.resolve("logs/planner-service-" + SECOND_PORT + ".log");
    private static final String GROUP = env("PLANNER_CONSUMER_GROUP", "planner-service");
    private static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env("AUTOMLGEN_KAFKA_PORT", "9092"));
    /** Up to a lingering consumer of a planner killed earlier: the broker drops it after its 45 s session timeout. */
    private static final Duration GROUP_SETTLES = Duration.ofSeconds(90);

    private static final int RUNS = 3;
    private static final int MAX_NODES = 4;
    private static final int PARALLELISM = 2;
    private static final Map<String, Object> RUN = Map.of("taskDir", TASK.toString(), "coder", "noop", "budget", "PT1M",
            "maxNodes", MAX_NODES, "parallelism", PARALLELISM);
    /**
     * With 4 partitions a run meets a given unmet goal with p >= 1/4 (the partitions that meet it): that 57 runs after
     * the first 3 leave one of at most 7 goals unmet has a chance below 1e-6.
     */
    private static final int MOST_SUBMISSIONS = 60;
    /** The budget, and the grace a node still running at the deadline has to report. */
    private static final Duration RUNS_END = Duration.ofMinutes(3);

    private static Process second;
    private static Routes routes;

    @BeforeAll
    static void secondPlanner() throws Exception {
        assertSecondPortFree();
        // both planners on the jar just built
        Launcher.restartPlanner(Map.of(), Set.of());
        try (PlannerGroup group = new PlannerGroup(KAFKA, GROUP,
                List.of(Topics.TASK_PREPARATIONS, Topics.EXECUTION_RESULTS, Topics.EVALUATIONS))) {
            var firstAlone = group.awaitStable(1, GROUP_SETTLES);
            startSecondPlanner();
            routes = Routes.of(group.partitions(), firstAlone, group.awaitStable(2, GROUP_SETTLES));
        }
    }

    @AfterAll
    static void stopSecondPlanner() throws InterruptedException {
        if (second == null) {
            return;
        }
        second.destroy(); // SIGTERM: Quarkus stops, and its consumers leave the group
        if (!second.waitFor(30, TimeUnit.SECONDS)) {
            second.destroyForcibly();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsWhoseEventsReachBothPlannersCompleteWithinTheirNodeAndParallelismBudgets() throws Exception {
        List<String> runIds = new ArrayList<>();
        try {
            submitUntilEveryRouteIsTaken(runIds);
            Map<String, JsonNode> ended = awaitEnd(runIds);
            String firstLog = Files.readString(FIRST_LOG);
            String secondLog = Files.readString(SECOND_LOG);
            for (String runId : runIds) {
                JsonNode run = ended.get(runId);
                assertEquals("COMPLETED", run.get("status").asText(), run.toString());
                JsonNode graph = EventJson.mapper().readTree(PlannerApi.get("/runs/" + runId + "/graph"));
                assertWithinBudgets(run, graph);
                assertLoggedByThePlannerItsEventsWentTo(runId, graph, firstLog, secondLog);
            }
            assertTrue(runIds.stream().anyMatch(runId -> secondLog.contains(preparedLine(runId))),
                    "the second planner handled none of the runs' events; its log: " + SECOND_LOG);
        } finally {
            for (String runId : runIds) {
                PlannerApi.cancelRun(runId);
                PlannerApi.deleteRun(runId);
            }
        }
    }

    /** A planner left there by an earlier run of this test would be a third replica in the group. */
    private static void assertSecondPortFree() {
        try (Socket taken = new Socket("127.0.0.1", SECOND_PORT)) {
            fail("port " + SECOND_PORT + " is held by another process (" + taken + "): stop it; this test starts a second"
                    + " planner there");
        } catch (IOException free) {
            // nothing listens there: ours to take
        }
    }

    /** infra/stack.sh's service_up for the planner, on another port: the same settings, jar, heap and collector. */
    private static void startSecondPlanner() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                Launcher.REPO.resolve("planner-service/target/quarkus-app/quarkus-run.jar").toString())
                .directory(Launcher.REPO.toFile()).redirectErrorStream(true).redirectOutput(SECOND_LOG.toFile());
        builder.environment().putAll(Map.of(
                "AUTOMLGEN_HOME", Launcher.STACK_HOME.toString(),
                "QUARKUS_HTTP_PORT", Integer.toString(SECOND_PORT),
                "KAFKA_BOOTSTRAP_SERVERS", KAFKA,
                "REDIS_URI", env("REDIS_URI", "redis://127.0.0.1:" + env("AUTOMLGEN_REDIS_PORT", "6379")),
                "AUTOMLGEN_KNOWLEDGE_URL", env("AUTOMLGEN_KNOWLEDGE_URL", "http://127.0.0.1:" + env("AUTOMLGEN_KNOWLEDGE_PORT", "8081")),
                "AUTOMLGEN_EVALUATOR_URL", env("AUTOMLGEN_EVALUATOR_URL", "http://127.0.0.1:" + env("AUTOMLGEN_EVALUATOR_PORT", "8083"))));
        second = builder.start();
        awaitReady();
    }

    /** infra/stack.sh's service_ready, for as long as its await_ready waits. */
    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SECOND_PORT + "/q/health/ready")).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertTrue(second.isAlive(), () -> "the second planner exited; see " + SECOND_LOG);
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            assertTrue(System.nanoTime() < deadline, "the second planner was not ready within 120 s; see " + SECOND_LOG);
            Thread.sleep(300);
        }
    }

    /**
     * Submits runs until {@value #RUNS} are kept and together they reach every goal of {@link Routes#goals()}; from the
     * {@value #RUNS}th on, a run that reaches no further goal is cancelled and deleted at once, so few runs search.
     * Every run kept is in {@code kept} as soon as it is submitted, for the caller to delete.
     */
    private static void submitUntilEveryRouteIsTaken(List<String> kept) throws Exception {
        for (int submitted = 0; kept.size() < RUNS || routes.goalsMet(kept) < routes.goals(); submitted++) {
            assertTrue(submitted < MOST_SUBMISSIONS, "after " + MOST_SUBMISSIONS + " runs the kept ones " + kept
                    + " still reach only " + routes.goalsMet(kept) + " of " + routes.goals() + " goals: " + routes);
            String runId = PlannerApi.submitRun(RUN);
            List<String> withIt = new ArrayList<>(kept);
            withIt.add(runId);
            if (kept.size() < RUNS || routes.goalsMet(withIt) > routes.goalsMet(kept)) {
                kept.add(runId);
            } else {
                PlannerApi.cancelRun(runId);
                PlannerApi.deleteRun(runId);
            }
        }
    }

    /** The runs' views once all have ended, in {@code runIds}' order. */
    private static Map<String, JsonNode> awaitEnd(List<String> runIds) throws Exception {
        long deadline = System.nanoTime() + RUNS_END.toNanos();
        Map<String, JsonNode> ended = new LinkedHashMap<>();
        while (true) {
            for (String runId : runIds) {
                JsonNode run = EventJson.mapper().readTree(PlannerApi.get("/runs/" + runId));
                if (Set.of("COMPLETED", "FAILED", "CANCELLED").contains(run.get("status").asText())) {
                    ended.put(runId, run);
                }
            }
            if (ended.size() == runIds.size()) {
                return ended;
            }
            assertTrue(System.nanoTime() < deadline, "runs still going after " + RUNS_END.toMinutes() + " minutes: "
                    + runIds.stream().filter(id -> !ended.containsKey(id)).toList());
            Thread.sleep(1000);
        }
    }

    /**
     * At most {@link #MAX_NODES} search nodes (a cancelled one gives its place back), one refit whose submission is the
     * run's, and never more than {@link #PARALLELISM} search nodes in flight: what two planners deciding on one run at
     * once (each from what it read before the other wrote) would break.
     */
    private static void assertWithinBudgets(JsonNode run, JsonNode graph) {
        List<JsonNode> search = new ArrayList<>();
        List<String> refits = new ArrayList<>();
        for (JsonNode node : graph.get("nodes")) {
            switch (node.get("operator").asText()) {
                case "root" -> {
                }
                case "refit" -> refits.add(node.get("id").asText());
                default -> search.add(node);
            }
        }
        assertTrue(search.stream().filter(node -> !node.get("status").asText().equals("CANCELLED")).count() <= MAX_NODES,
                "more than " + MAX_NODES + " search nodes: " + graph);
        assertEquals(List.of(run.get("finalNodeId").asText()), refits, "one refit, whose submission is the run's: " + run);
        assertTrue(mostInFlight(search) <= PARALLELISM, "more than " + PARALLELISM + " search nodes in flight at once: " + graph);
    }

    /**
     * The most nodes in flight at one instant, each from its {@code createdAt} to its {@code finishedAt}. The planner
     * stamps creation in whole milliseconds and the result finer, and frees a node's slot before it creates the next one
     * in the same handler: so both are compared in milliseconds, and an end and a start in the same one are a hand-over.
     */
    private static int mostInFlight(List<JsonNode> nodes) {
        record Change(long atMillis, int inFlight) {
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode node : nodes) {
            changes.add(new Change(Instant.parse(node.get("createdAt").asText()).toEpochMilli(), 1));
            JsonNode finished = node.get("finishedAt");
            changes.add(new Change(finished.isNull() ? Long.MAX_VALUE : Instant.parse(finished.asText()).toEpochMilli(), -1));
        }
        changes.sort(Comparator.comparingLong(Change::atMillis).thenComparingInt(Change::inFlight));
        int inFlight = 0;
        int most = 0;
        for (Change change : changes) {
            inFlight += change.inFlight();
            most = Math.max(most, inFlight);
        }
        return most;
    }

    /**
     * The run's preparation is logged once, by the planner its task-preparations partition goes to; a node's score once,
     * by the planner its execution-results and evaluations partitions go to where both go to the same one (it is scored
     * on whichever of its two events comes second), else by either. (A node is also scored, buggy, where it is created
     * when its coder fails; the noop coder does not.)
     */
    private static void assertLoggedByThePlannerItsEventsWentTo(String runId, JsonNode graph, String firstLog, String secondLog) {
        assertLoggedBy(routes.toSecond(Topics.TASK_PREPARATIONS, runId), preparedLine(runId), firstLog, secondLog);
        boolean resultsToSecond = routes.toSecond(Topics.EXECUTION_RESULTS, runId);
        boolean resultsToOne = resultsToSecond == routes.toSecond(Topics.EVALUATIONS, runId);
        for (JsonNode node : graph.get("nodes")) {
            boolean searchNode = !Set.of("root", "refit").contains(node.get("operator").asText());
            if (searchNode && Set.of("GOOD", "BUGGY").contains(node.get("status").asText())) {
                // RunService: "run <run> node <node> (<operator>) scored: <score>", or "... is buggy: <reason>"
                String scored = "run " + runId + " node " + node.get("id").asText() + " (";
                if (resultsToOne) {
                    assertLoggedBy(resultsToSecond, scored, firstLog, secondLog);
                } else {
                    assertEquals(1, count(firstLog, scored) + count(secondLog, scored), "'" + scored + "' in the two logs");
                }
            }
        }
    }

    private static void assertLoggedBy(boolean second, String line, String firstLog, String secondLog) {
        String expected = "'" + line + "' once in the log of the planner its events went to, the " + (second ? "second ("
                + SECOND_LOG : "first (" + FIRST_LOG) + "), and not in the other's; in ";
        assertEquals(second ? 0 : 1, count(firstLog, line), expected + FIRST_LOG);
        assertEquals(second ? 1 : 0, count(secondLog, line), expected + SECOND_LOG);
    }

    /** RunService: "run <run> prepared: <train> train / <valid> valid / <test> test rows". */
    private static String preparedLine(String runId) {
        return "run " + runId + " prepared:";
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** As infra/stack.sh reads its settings: the variable if set, else the default. */
    private static String env(String name, String otherwise) {
        return System.getenv().getOrDefault(name, otherwise);
    }
}
