package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./automlgen solve --coder llm} through the four services as separate processes, with a WireMock stub in this
 * JVM as the OpenAI-compatible endpoint: every chat completion answers the same plan and a small, correct pipeline for
 * the bundled example, so the run's score, outputs and nodes are known.
 *
 * <p>The planner reads its endpoint (AUTOMLGEN_LLM_BASE_URL, AUTOMLGEN_LLM_MODEL) at startup, so the test restarts the
 * stack's one planner with them ({@code infra/stack.sh down|up}: a service inherits the environment of the process
 * that starts it) and, in {@link #defaultPlanner()}, which runs even when the test fails, restarts it without them, so
 * the other end-to-end tests find the default planner. A second planner beside the default one, on another port, would
 * not do: both would join the same Kafka consumer groups and any planner replica may handle any run's events (run
 * leases), so part of the run's events would reach the planner without an endpoint and fail its nodes.
 */
class LlmSolveEndToEndTest {
    private static final String BASE_URL = "AUTOMLGEN_LLM_BASE_URL";
    private static final String MODEL = "AUTOMLGEN_LLM_MODEL";
    private static final String COMPLETIONS = "/v1/chat/completions";
    private static final Path TASK = Launcher.REPO.resolve("examples/breast-cancer");

    private static final String PLAN = "standardised features, logistic regression";
    /** Follows docs/pipeline-contract.md; in a refit there is no valid file, so it writes only the submission. */
    private static final String SCRIPT = """
            import os

            import pandas as pd
            from sklearn.linear_model import LogisticRegression
            from sklearn.pipeline import make_pipeline
            from sklearn.preprocessing import StandardScaler

            ID, LABEL = "id", "benign"
            inp, out = os.environ["AUTOMLGEN_INPUT"], os.environ["AUTOMLGEN_OUTPUT"]
            train = pd.read_csv(os.path.join(inp, "train.csv"))
            features = [c for c in train.columns if c not in (ID, LABEL)]
            model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
            model.fit(train[features], train[LABEL])


            def predict(rows_file, sample_file, out_file):
                sample = pd.read_csv(os.path.join(inp, sample_file))
                rows = pd.read_csv(os.path.join(inp, rows_file)).set_index(ID).loc[sample[ID]]
                sample[LABEL] = model.predict_proba(rows[features])[:, 1]
                sample.to_csv(os.path.join(out, out_file), index=False)


            predict("test.csv", "sample_submission.csv", "submission.csv")
            if os.path.exists(os.path.join(inp, "valid.csv")):
                predict("valid.csv", "valid_sample_submission.csv", "valid_predictions.csv")
            print("done")
            """;

    private static WireMockServer stub;

    @TempDir
    Path temp;

    @BeforeAll
    static void plannerWithTheStubAsItsModel() throws Exception {
        stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        stub.start();
        stub.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(okJson(completion("Plan: " + PLAN + "\n```python\n" + SCRIPT + "```\n"))));
        // only the planner reads AUTOMLGEN_LLM_*: services started alongside it ignore them
        Launcher.restartPlanner(Map.of(BASE_URL, "http://127.0.0.1:" + stub.port() + "/v1", MODEL, "stub-model"), Set.of());
    }

    @AfterAll
    static void defaultPlanner() throws Exception {
        try {
            // back to the planner this JVM's environment gives (CI sets no endpoint)
            Launcher.restartPlanner(Map.of(), Set.of(BASE_URL, MODEL).stream().filter(name -> System.getenv(name) == null)
                    .collect(java.util.stream.Collectors.toSet()));
        } finally {
            if (stub != null) {
                stub.stop();
            }
        }
    }

    @Test
    void solvesTheBundledExampleWithTheModelsScript() throws Exception {
        Path out = Files.createTempDirectory(temp, "solve-llm");
        Launcher.Result run = Launcher.run(10, "solve", TASK.toString(), "--coder", "llm", "--budget", "2m",
                "--max-nodes", "2", "--out", out.toString(), "--json");
        assertEquals(0, run.exitCode(), "solve failed:\n" + run.stderr() + run.stdout());
        JsonNode result = EventJson.mapper().readTree(run.stdout());
        String runId = result.get("run_id").asText();
        try {
            assertEquals("COMPLETED", result.get("status").asText(), result.toString());
            assertTrue(result.get("valid").asBoolean(), result.toString());
            // AUC of any constant prediction is 0.5
            assertTrue(result.get("best_score").asDouble() > 0.9, result.toString());
            assertEquals(SCRIPT, Files.readString(out.resolve("solution.py")));
            SolveEndToEndTest.assertSubmissionCoversTheTestIds(out, TASK.resolve("public/test.csv"), "id");

            stub.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo(COMPLETIONS))
                    .withRequestBody(matchingJsonPath("$.model", equalTo("stub-model")))
                    .withRequestBody(containing("roc_auc"))
                    .withRequestBody(containing("Predict the probability that a mass is benign")));
            int written = assertEveryNodeRunsTheStubsScript(runId);
            // one answer of 1500 tokens (the stub's usage) per node the model wrote
            JsonNode view = EventJson.mapper().readTree(PlannerApi.get("/runs/" + runId));
            assertEquals(1500L * written, view.get("coderTokens").asLong(), view.toString());
        } finally {
            PlannerApi.deleteRun(runId);
        }
    }

    /** Drafts and the refit alike: the planner ran what the model wrote, with the model's plan; returns how many nodes. */
    private static int assertEveryNodeRunsTheStubsScript(String runId) throws Exception {
        JsonNode graph = EventJson.mapper().readTree(PlannerApi.get("/runs/" + runId + "/graph"));
        Set<String> operators = new HashSet<>();
        for (JsonNode node : graph.get("nodes")) {
            String operator = node.get("operator").asText();
            if (operator.equals("root")) {
                continue;
            }
            operators.add(operator);
            String id = node.get("id").asText();
            assertEquals(SCRIPT, PlannerApi.get("/runs/" + runId + "/nodes/" + id + "/code"), "code of node " + id);
            assertEquals(operator + ": " + PLAN, node.get("plan").asText(), "plan of node " + id);
        }
        assertTrue(operators.containsAll(List.of("draft", "refit")), "operators " + operators);
        return graph.get("nodes").size() - 1;
    }

    /** An OpenAI chat completion answering {@code content}, with token usage for the planner's accounting. */
    private static String completion(String content) {
        return EventJson.write(Map.of("id", "chatcmpl-e2e", "object", "chat.completion", "created", 1, "model", "stub-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 1200, "completion_tokens", 300, "total_tokens", 1500)));
    }
}
