package ai.automlgen.planner.run;

import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Grade;
import ai.automlgen.events.Outcome;
import ai.automlgen.events.RunEvent;
import ai.automlgen.events.RunFinished;
import ai.automlgen.events.TaskPrepared;
import ai.automlgen.events.TaskSubmitted;
import ai.automlgen.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run through the planner on the real Kafka broker and Redis (started by infra/stack.sh):
 * the test plays the evaluator and the executor.
 */
@QuarkusTest
class RunFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @TempDir
    Path temp;

    @Inject
    SearchSessions sessions;

    @Test
    void runDraftsOneNodeRefitsTheBestAndFinishesWithItsSubmission() throws Exception {
        Path taskDir = Files.createTempDirectory(temp, "task");
        Path runDir = Files.createTempDirectory(temp, "run");
        Path submission = Files.writeString(runDir.resolve("submission.csv"), "id,y\na,0.9\n");
        try (KafkaProbe tasks = new KafkaProbe(Topics.TASKS);
             KafkaProbe executions = new KafkaProbe(Topics.EXECUTIONS);
             KafkaProbe search = new KafkaProbe(Topics.SEARCH_EVENTS)) {
            String runId = given().contentType(ContentType.JSON)
                    .body(Map.of("taskDir", taskDir.toString(), "coder", "builtin", "budget", "PT5M", "seed", 3, "maxNodes", 1))
                    .post("/runs").then().statusCode(201).extract().path("runId");

            TaskSubmitted submitted = EventJson.read(tasks.await(forRun(runId), WAIT), TaskSubmitted.class);
            assertEquals(taskDir.toRealPath().toString(), submitted.taskDir());
            assertEquals(3L, submitted.config().seed());

            TaskPrepared prepared = RunServiceFixture.prepared(runId, runDir);
            tasks.send(Topics.TASK_PREPARATIONS, runId, EventJson.write(prepared));

            ExecutionRequested draft = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            assertFalse(draft.refit());
            assertEquals(prepared.inputs().inputDir(), draft.inputDir());
            assertTrue(draft.code().source().contains("HistGradientBoostingClassifier"));
            given().get("/runs/" + runId).then().body("status", equalTo("SEARCHING")).body("pending", equalTo(1));

            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, draft.nodeId(), submission)));
            EvaluationCompleted scored = evaluation(runId, draft.nodeId(), 0.9, new Grade(0.88, true, "bronze", true));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(scored));

            ExecutionRequested refit = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            assertTrue(refit.refit());
            assertEquals(runDir.resolve("full").toString(), refit.inputDir());
            // the same pipeline, written for the refit's inputs: full/ has no validation file
            assertTrue(refit.code().source().contains("HistGradientBoostingClassifier"));
            assertTrue(draft.code().source().contains("valid.csv"));
            assertFalse(refit.code().source().contains("valid.csv"), refit.code().source());

            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, refit.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(evaluation(runId, refit.nodeId(), null)));
            RunFinished done = (RunFinished) EventJson.read(search.await(
                    json -> json.contains("RunFinished") && json.contains(runId), WAIT), RunEvent.class);
            assertEquals("COMPLETED", done.status());
            assertEquals(draft.nodeId(), done.bestNodeId());
            assertEquals(0.9, done.bestScore());

            given().get("/runs/" + runId).then()
                    .body("status", equalTo("COMPLETED"))
                    .body("finalNodeId", equalTo(refit.nodeId()))
                    .body("nodes", equalTo(2))
                    .body("coderTokens", equalTo(0));
            // execution results arrive on their own topic, possibly after the evaluation
            awaitStatus("/runs/" + runId + "/nodes/" + refit.nodeId() + "/submission", 200);
            given().get("/runs/" + runId + "/nodes/" + refit.nodeId() + "/submission").then()
                    .statusCode(200).body(containsString("a,0.9"));
            String draftNode = "nodes.find { it.id == '" + draft.nodeId() + "' }";
            given().get("/runs/" + runId + "/graph").then()
                    .body("nodes.size()", equalTo(3))
                    .body("edges.find { it.to == '" + refit.nodeId() + "' }.type", equalTo("PARENT"))
                    .body(draftNode + ".createdAt", matchesPattern(ISO_INSTANT))
                    .body(draftNode + ".finishedAt", matchesPattern(ISO_INSTANT))
                    .body(draftNode + ".testGrade.medal", equalTo("bronze"))
                    .body(draftNode + ".testGrade.score", equalTo(0.88f));
            given().delete("/runs/" + runId).then().statusCode(200);
            given().get("/runs/" + runId).then().statusCode(404);
        }
    }

    /** A redelivered evaluation of a scored node, while the search goes on, neither scores it again nor visits it. */
    @Test
    void evaluationRedeliveredDuringTheSearchChangesNothing() throws Exception {
        Path runDir = Files.createTempDirectory(temp, "run");
        Path submission = Files.writeString(runDir.resolve("submission.csv"), "id,y\na,0.9\n");
        try (KafkaProbe tasks = new KafkaProbe(Topics.TASKS);
             KafkaProbe executions = new KafkaProbe(Topics.EXECUTIONS);
             KafkaProbe search = new KafkaProbe(Topics.SEARCH_EVENTS)) {
            String runId = startPreparedRun(tasks, runDir, Map.of("maxNodes", 3, "policy", "greedy"));
            ExecutionRequested first = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            EvaluationCompleted scored = evaluation(runId, first.nodeId(), 0.8);
            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, first.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(scored));
            search.await(scoredEvent(first.nodeId()), WAIT);
            ExecutionRequested second = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            given().get("/runs/" + runId).then().body("status", equalTo("SEARCHING"));

            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(scored));
            // the second node's events follow the redelivery on the run's partition: once it is scored, the
            // redelivery has been handled
            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, second.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(evaluation(runId, second.nodeId(), 0.7)));
            String next = search.await(scoredEvent(first.nodeId()).or(scoredEvent(second.nodeId())), WAIT);

            assertTrue(next.contains("\"nodeId\":\"" + second.nodeId() + "\""), "scored again: " + next);
            given().get("/runs/" + runId + "/graph").then()
                    .body("nodes.find { it.id == '" + first.nodeId() + "' }.status", equalTo("GOOD"))
                    .body("nodes.find { it.id == '" + first.nodeId() + "' }.score", equalTo(0.8f))
                    .body("nodes.find { it.id == '" + first.nodeId() + "' }.visits", equalTo(1));
            given().post("/runs/" + runId + "/cancel").then().statusCode(200);
            given().delete("/runs/" + runId).then().statusCode(200);
        }
    }

    /** A live run is deleted only once it has ended: its handlers would write its keys back. */
    @Test
    void deletingALiveRunIsRefusedWithHowToCancelIt() throws Exception {
        try (KafkaProbe tasks = new KafkaProbe(Topics.TASKS)) {
            String runId = startPreparedRun(tasks, Files.createTempDirectory(temp, "run"), Map.of());
            given().delete("/runs/" + runId).then().statusCode(409)
                    .body("error", containsString("POST /runs/" + runId + "/cancel"));
            given().post("/runs/" + runId + "/cancel").then().statusCode(200);
            given().delete("/runs/" + runId).then().statusCode(200);
        }
    }

    /** A planner that restarts (or another planner that gets the run's events) reopens the search from Redis. */
    @Test
    void runGoesOnFromRedisWhenThePlannerLosesItsSearchSession() throws Exception {
        Path runDir = Files.createTempDirectory(temp, "run");
        Path submission = Files.writeString(runDir.resolve("submission.csv"), "id,y\na,0.9\n");
        try (KafkaProbe tasks = new KafkaProbe(Topics.TASKS);
             KafkaProbe executions = new KafkaProbe(Topics.EXECUTIONS);
             KafkaProbe search = new KafkaProbe(Topics.SEARCH_EVENTS)) {
            String runId = startPreparedRun(tasks, runDir, Map.of("maxNodes", 2, "policy", "greedy"));

            ExecutionRequested first = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            sessions.close(runId); // the planner restarts: its in-process state is gone
            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, first.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(evaluation(runId, first.nodeId(), 0.8)));

            ExecutionRequested second = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            assertFalse(second.refit());
            assertFalse(first.nodeId().equals(second.nodeId()));
            sessions.close(runId);
            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, second.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(evaluation(runId, second.nodeId(), 0.9)));

            ExecutionRequested refit = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            assertTrue(refit.refit());
            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, refit.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(evaluation(runId, refit.nodeId(), null)));
            RunFinished done = (RunFinished) EventJson.read(search.await(
                    json -> json.contains("RunFinished") && json.contains(runId), WAIT), RunEvent.class);
            assertEquals("COMPLETED", done.status());
            assertEquals(second.nodeId(), done.bestNodeId());
            given().get("/runs/" + runId + "/graph").then()
                    .body("nodes.find { it.id == '" + first.nodeId() + "' }.visits", equalTo(1))
                    .body("nodes.find { it.id == 'root' }.visits", equalTo(2));
            given().delete("/runs/" + runId).then().statusCode(200);
        }
    }

    /** An executor that cannot run code (its container engine went away) stops the run, keeping the best node. */
    @Test
    void executorFailuresCancelTheirNodesAndSeveralInARowStopTheRunWithItsBestNode() throws Exception {
        Path runDir = Files.createTempDirectory(temp, "run");
        Path submission = Files.writeString(runDir.resolve("submission.csv"), "id,y\na,0.9\n");
        try (KafkaProbe tasks = new KafkaProbe(Topics.TASKS);
             KafkaProbe executions = new KafkaProbe(Topics.EXECUTIONS);
             KafkaProbe search = new KafkaProbe(Topics.SEARCH_EVENTS)) {
            String runId = startPreparedRun(tasks, runDir, Map.of("maxNodes", 10));

            ExecutionRequested good = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
            tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(finished(runId, good.nodeId(), submission)));
            tasks.send(Topics.EVALUATIONS, runId, EventJson.write(evaluation(runId, good.nodeId(), 0.8)));
            List<String> failed = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ExecutionRequested next = EventJson.read(executions.await(forRun(runId), WAIT), ExecutionRequested.class);
                assertFalse(next.refit(), "the search goes on after a failure, and no refit is tried after the last");
                failed.add(next.nodeId());
                tasks.send(Topics.EXECUTION_RESULTS, runId, EventJson.write(executorFailed(runId, next.nodeId())));
            }

            RunFinished done = (RunFinished) EventJson.read(search.await(
                    json -> json.contains("RunFinished") && json.contains(runId), WAIT), RunEvent.class);
            assertEquals("COMPLETED", done.status());
            assertEquals(good.nodeId(), done.bestNodeId());
            assertTrue(done.reason().startsWith("stopped early: the executor failed on the last 3 nodes"), done.reason());
            assertTrue(done.reason().contains("docker: engine gone"), done.reason());
            given().get("/runs/" + runId).then()
                    .body("finalNodeId", equalTo(good.nodeId()))
                    .body("nodes", equalTo(4));
            for (String nodeId : failed) {
                given().get("/runs/" + runId + "/graph").then()
                        .body("nodes.find { it.id == '" + nodeId + "' }.status", equalTo("CANCELLED"));
            }
            given().delete("/runs/" + runId).then().statusCode(200);
        }
    }

    @Test
    void missingTaskFolderIsRefusedWithItsPath() {
        given().contentType(ContentType.JSON).body(Map.of("taskDir", "/no/such/task"))
                .post("/runs").then().statusCode(400)
                .body("error", containsString("/no/such/task does not exist"));
    }

    @Test
    void unknownCoderIsRefusedWithTheAvailableOnes() throws Exception {
        Path taskDir = Files.createTempDirectory(temp, "task");
        given().contentType(ContentType.JSON).body(Map.of("taskDir", taskDir.toString(), "coder", "oracle"))
                .post("/runs").then().statusCode(400)
                .body("error", containsString("unknown coder 'oracle'"))
                .body("error", containsString("builtin"));
    }

    @Test
    void llmCoderWithoutAnEndpointIsRefusedNamingWhatToSet() throws Exception {
        Path taskDir = Files.createTempDirectory(temp, "task");
        given().contentType(ContentType.JSON).body(Map.of("taskDir", taskDir.toString(), "coder", "llm"))
                .post("/runs").then().statusCode(400)
                .body("error", containsString("set AUTOMLGEN_LLM_BASE_URL"))
                .body("error", containsString("AUTOMLGEN_LLM_MODEL"));
    }

    @Test
    void coderParameterTheCoderDoesNotKnowIsRefusedBeforeTheRunStarts() throws Exception {
        Path taskDir = Files.createTempDirectory(temp, "task");
        given().contentType(ContentType.JSON).body(Map.of("taskDir", taskDir.toString(), "coder", "knowledge",
                        "params", Map.of("coder.knowlege", "off")))
                .post("/runs").then().statusCode(400)
                .body("error", containsString("unknown coder parameter 'coder.knowlege'"));
        given().contentType(ContentType.JSON).body(Map.of("taskDir", taskDir.toString(), "coder", "builtin",
                        "params", Map.of("coder.operators", "coarse")))
                .post("/runs").then().statusCode(400)
                .body("error", containsString("--coder knowledge"));
    }

    /** A run of the builtin coder, one node at a time, on an empty task folder, with the evaluator's part played. */
    private String startPreparedRun(KafkaProbe tasks, Path runDir, Map<String, Object> settings) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("taskDir", Files.createTempDirectory(temp, "task").toString(),
                "coder", "builtin", "budget", "PT5M", "seed", 3, "parallelism", 1));
        body.putAll(settings);
        String runId = given().contentType(ContentType.JSON).body(body).post("/runs").then().statusCode(201)
                .extract().path("runId");
        tasks.await(forRun(runId), WAIT);
        tasks.send(Topics.TASK_PREPARATIONS, runId, EventJson.write(RunServiceFixture.prepared(runId, runDir)));
        return runId;
    }

    private static void awaitStatus(String path, int status) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (given().get(path).statusCode() != status && Instant.now().isBefore(end)) {
            Thread.sleep(200);
        }
    }

    private static java.util.function.Predicate<String> scoredEvent(String nodeId) {
        return json -> json.contains("NodeScored") && json.contains("\"nodeId\":\"" + nodeId + "\"");
    }

    private static java.util.function.Predicate<String> forRun(String runId) {
        return json -> json.contains("\"runId\":\"" + runId + "\"");
    }

    private static ExecutionFinished finished(String runId, String nodeId, Path submission) {
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(),
                Outcome.OK, 0, 100, "done", "", 4, List.of(new ArtifactRef(ArtifactRef.SUBMISSION,
                submission.toUri().toString(), 12, "x")), "exec-test", null, false);
    }

    private static ExecutionFinished executorFailed(String runId, String nodeId) {
        return new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(),
                Outcome.EXECUTOR_FAILED, null, 0, "", "", 0, List.of(), "exec-test",
                "the executor could not run this node: docker: engine gone", false);
    }

    private static EvaluationCompleted evaluation(String runId, String nodeId, Double score) {
        return evaluation(runId, nodeId, score, null);
    }

    private static EvaluationCompleted evaluation(String runId, String nodeId, Double score, Grade testGrade) {
        return new EvaluationCompleted(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), runId, nodeId, Instant.now(),
                "holdout", "roc_auc", score, false, true, List.of(), testGrade);
    }
}
