package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small prepared task built from a sample of a real bench task's public files, as the evaluator
 * would prepare it: input/ (train, valid without labels, test, both sample submissions, extras) and
 * full/ for refit. The sampling is done by {@code make_fixture.py} with /usr/bin/python3.
 */
record BenchFixture(String name, Path dir, TaskInfo task, PreparedInputs inputs, PreparedInputs full) {
    static final Path BENCH = Path.of(System.getenv().getOrDefault("AUTOMLGEN_BENCH", "/work/shared/bench"));
    static final Path PYTHON = Path.of("/usr/bin/python3");

    static List<String> tasks() throws IOException {
        if (!Files.isDirectory(BENCH)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(BENCH)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve("task.yaml"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static BenchFixture build(String task, Path root, int rows, long seed) throws IOException, InterruptedException {
        Path dir = root.resolve(task);
        if (!Files.exists(dir.resolve("inputs.json"))) {
            Path script = resource("make_fixture.py", root);
            ScriptRun.Result result = ScriptRun.python(root, List.of(script.toString(), BENCH.resolve(task).toString(), dir.toString(),
                    Integer.toString(rows), Long.toString(seed)), java.util.Map.of(), 1800);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("fixture for " + task + " failed:\n" + result.output());
            }
        }
        return new BenchFixture(task, dir, read(dir.resolve("task.json"), TaskInfo.class),
                read(dir.resolve("inputs.json"), PreparedInputs.class), read(dir.resolve("full_inputs.json"), PreparedInputs.class));
    }

    /** The task's last draft, run on this fixture. */
    record DraftRun(PipelineSpec spec, ScriptRun.Result result) {
    }

    /**
     * Runs the task's last draft (the costliest) in {@code run}: it must train {@code model}, render the shared encoder
     * code once, and exit cleanly.
     */
    DraftRun runLastDraft(Path run, String model) throws Exception {
        List<Drafts.Draft> drafts = Drafts.candidates(TaskProfile.of(task, inputs));
        Drafts.Draft last = drafts.get(drafts.size() - 1);
        assertEquals(model, last.spec().model().id(), "the costly draft comes last");
        String code = new ScriptRenderer().render(last.spec(), task, inputs, last.plan());
        assertEquals(1, code.split("# ---- encoder/minilm.py", -1).length - 1, "the shared encoder code is rendered once");
        ScriptRun.Result result = ScriptRun.solution(run, code, dir.resolve("input"), 7);
        assertEquals(0, result.exitCode(), result.output());
        return new DraftRun(last.spec(), result);
    }

    /** Why output/{file} of a script run here does not have the shape of the input's {templateRole} file, or null. */
    String outputProblem(Path run, String templateRole, String file) throws Exception {
        return KnowledgeCoderBenchTest.check(run, dir.resolve("input").resolve(inputs.files().get(templateRole)),
                run.resolve("output").resolve(file), task.idColumn(), String.join(",", task.submissionColumns()));
    }

    static Path resource(String name, Path root) throws IOException {
        Path target = root.resolve(name);
        try (InputStream in = BenchFixture.class.getClassLoader().getResourceAsStream("coder/knowledge/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource coder/knowledge/" + name);
            }
            Files.createDirectories(root);
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private static <T> T read(Path file, Class<T> type) throws IOException {
        return EventJson.read(Files.readString(file, StandardCharsets.UTF_8), type);
    }
}
