package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every operator on every bench task, for real: the knowledge coder writes the code, /usr/bin/python3
 * runs it (quick mode) on a few hundred sampled rows of the task's public data, and the outputs must
 * have exactly the shape of the templates. Needs /work/shared/bench (or AUTOMLGEN_BENCH); skipped without it.
 * Generated scripts and their logs stay under target/knowledge-bench/ for reading.
 */
class KnowledgeCoderBenchTest {
    private static final Path WORK = Path.of("target", "knowledge-bench").toAbsolutePath();
    private static final long SEED = 7;
    private final KnowledgeCoder coder = new KnowledgeCoder();
    private final Map<String, NodeContext> nodes = new ConcurrentHashMap<>();

    @TestFactory
    List<DynamicNode> everyOperatorRunsOnEveryBenchTask() throws Exception {
        List<String> tasks = BenchFixture.tasks();
        assumeTrue(!tasks.isEmpty(), "no bench tasks at " + BenchFixture.BENCH);
        assumeTrue(Files.isExecutable(BenchFixture.PYTHON), "needs " + BenchFixture.PYTHON);
        // -Dbench.task=a,b runs only the named tasks
        List<String> only = List.of(System.getProperty("bench.task", "").split(",")).stream().filter(s -> !s.isBlank()).toList();
        List<DynamicNode> containers = new ArrayList<>();
        for (String task : tasks) {
            if (!only.isEmpty() && !only.contains(task)) {
                continue;
            }
            containers.add(DynamicContainer.dynamicContainer(task, operatorTests(task)));
        }
        return containers;
    }

    private List<DynamicTest> operatorTests(String taskName) {
        return List.of(
                DynamicTest.dynamicTest("draft", () -> {
                    BenchFixture fixture = fixture(taskName);
                    run(fixture, "draft", request(fixture, Operator.DRAFT, null, List.of(), List.of(), List.of()), false, 0.80);
                }),
                DynamicTest.dynamicTest("second draft differs from its sibling", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext first = node(fixture, "draft");
                    NodeContext second = run(fixture, "draft2", request(fixture, Operator.DRAFT, null, List.of(first), List.of(), List.of()), false, 0.78);
                    assertNotEquals(KnowledgeCoder.signature(PipelineSpec.fromJson(first.spec())),
                            KnowledgeCoder.signature(PipelineSpec.fromJson(second.spec())));
                }),
                DynamicTest.dynamicTest("improve", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext parent = node(fixture, "draft");
                    run(fixture, "improve", request(fixture, Operator.IMPROVE, parent, List.of(), List.of(), List.of(parent)), false, 0.79);
                }),
                DynamicTest.dynamicTest("improve without knowledge (uniform edit)", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext parent = node(fixture, "draft");
                    run(fixture, "improve-uniform", request(fixture, Operator.IMPROVE, parent, List.of(), List.of(), List.of(parent),
                            Map.of("coder.knowledge", "off")), false, 0.79);
                }),
                DynamicTest.dynamicTest("coarse improve (whole-pipeline rewrite)", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext parent = node(fixture, "draft");
                    run(fixture, "improve-coarse", request(fixture, Operator.IMPROVE, parent, List.of(), List.of(), List.of(parent),
                            Map.of("coder.operators", "coarse")), false, 0.79);
                }),
                DynamicTest.dynamicTest("debug", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext draft = node(fixture, "draft");
                    NodeContext buggy = new NodeContext("buggy", "improve", draft.code(), draft.spec(), draft.plan(), null, true,
                            "Traceback (most recent call last):\n  File \"solution.py\", line 80, in fit_one\nValueError: Input X contains NaN.");
                    run(fixture, "debug", request(fixture, Operator.DEBUG, buggy, List.of(), List.of(), List.of(draft, buggy)), false, 0.80);
                }),
                DynamicTest.dynamicTest("evolution", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext draft = node(fixture, "draft");
                    NodeContext improved = node(fixture, "improve");
                    run(fixture, "evolution", request(fixture, Operator.EVOLUTION, improved, List.of(), List.of(), List.of(draft, improved)), false, 0.81);
                }),
                DynamicTest.dynamicTest("fusion", () -> {
                    BenchFixture fixture = fixture(taskName);
                    run(fixture, "fusion", request(fixture, Operator.FUSION, node(fixture, "draft"), List.of(), List.of(node(fixture, "draft2")),
                            List.of(node(fixture, "draft"))), false, 0.82);
                }),
                DynamicTest.dynamicTest("aggregation", () -> {
                    BenchFixture fixture = fixture(taskName);
                    run(fixture, "aggregation", request(fixture, Operator.AGGREGATION, null, List.of(),
                            List.of(node(fixture, "draft"), node(fixture, "draft2"), node(fixture, "improve")), List.of()), false, 0.83);
                }),
                DynamicTest.dynamicTest("refit writes only the submission, from full/", () -> {
                    BenchFixture fixture = fixture(taskName);
                    NodeContext draft = node(fixture, "draft");
                    run(fixture, "refit", request(fixture, Operator.REFIT, draft, List.of(), List.of(), List.of(draft)), true, 0.80);
                }));
    }

    private static final Map<String, BenchFixture> FIXTURES = new ConcurrentHashMap<>();

    private static BenchFixture fixture(String task) throws Exception {
        BenchFixture fixture = FIXTURES.get(task);
        if (fixture == null) {
            fixture = BenchFixture.build(task, WORK.resolve("fixtures"), 300, 1);
            FIXTURES.put(task, fixture);
        }
        return fixture;
    }

    private NodeContext node(BenchFixture fixture, String name) {
        NodeContext node = nodes.get(fixture.name() + "/" + name);
        assumeTrue(node != null, name + " did not run for " + fixture.name());
        return node;
    }

    private static CodeRequest request(BenchFixture fixture, Operator operator, NodeContext parent, List<NodeContext> siblings,
                                       List<NodeContext> references, List<NodeContext> trajectory) {
        return request(fixture, operator, parent, siblings, references, trajectory, Map.of());
    }

    private static CodeRequest request(BenchFixture fixture, Operator operator, NodeContext parent, List<NodeContext> siblings,
                                       List<NodeContext> references, List<NodeContext> trajectory, Map<String, String> params) {
        PreparedInputs inputs = operator == Operator.REFIT ? fixture.full() : fixture.inputs();
        return new CodeRequest(operator, fixture.task(), inputs, parent, siblings, references, trajectory, List.of(), SEED, params);
    }

    /** Writes the code, runs it, checks both outputs, and remembers the node (with a stand-in score) for later operators. */
    private NodeContext run(BenchFixture fixture, String name, CodeRequest request, boolean refit, double standInScore) throws Exception {
        CodeResult result = coder.write(request);
        assertTrue(result.plan().startsWith(request.operator().wireName() + ": "), result.plan());
        Path work = WORK.resolve("runs").resolve(fixture.name()).resolve(name);
        Path input = fixture.dir().resolve(refit ? "full" : "input");
        ScriptRun.Result run = ScriptRun.solution(work, result.code(), input, SEED);
        Files.writeString(work.resolve("run.log"), result.plan() + "\n\n" + run.output());
        assertEquals(0, run.exitCode(), () -> fixture.name() + " " + name + " failed (" + result.plan() + "):\n" + tail(run.output()));
        String id = fixture.task().idColumn();
        String predicted = String.join(",", fixture.task().submissionColumns());
        assertNull(check(work, input.resolve(fixture.inputs().files().get("sample_submission")), work.resolve("output/submission.csv"), id, predicted),
                fixture.name() + " " + name + " submission");
        if (refit) {
            assertFalse(Files.exists(work.resolve("output/valid_predictions.csv")), "refit must not write valid predictions");
        } else {
            assertNull(check(work, input.resolve(fixture.inputs().files().get("valid_sample_submission")),
                    work.resolve("output/valid_predictions.csv"), id, predicted), fixture.name() + " " + name + " valid predictions");
        }
        boolean lower = fixture.task().lowerIsBetter();
        NodeContext node = new NodeContext(name, request.operator().wireName(), result.code(), result.spec(), result.plan(),
                lower ? 1 - standInScore : standInScore, false, tail(run.output()));
        nodes.put(fixture.name() + "/" + name, node);
        return node;
    }

    static String check(Path work, Path template, Path output, String idColumn, String predicted) throws Exception {
        if (!Files.exists(output)) {
            return output.getFileName() + " was not written";
        }
        Path checker = BenchFixture.resource("check_output.py", WORK);
        ScriptRun.Result result = ScriptRun.python(work, List.of(checker.toString(), template.toString(), output.toString(), idColumn, predicted),
                Map.of(), 300);
        if (result.exitCode() != 0) {
            return "checker failed: " + tail(result.output());
        }
        String json = result.output().strip();
        return json.contains("\"problem\": null") ? null : json;
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }
}
