package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Solve a task: inspect it, start a run, follow it, and write the best pipeline and its submission. */
@Command(name = "solve", description = "Search for the best pipeline for a task folder.")
final class SolveCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "task folder (task.yaml, description.md, public/)")
    Path taskDir;

    @Option(names = "--budget", description = "wall-clock budget, e.g. 10m, 1h (default: the planner's, 10m)")
    String budget;

    @Option(names = "--max-nodes", description = "node budget")
    Integer maxNodes;

    @Option(names = "--policy", description = "mcgs | mcts | greedy | random")
    String policy;

    @Option(names = "--coder", description = "knowledge | builtin | llm | noop (default: the planner's, knowledge)")
    String coder;

    @Option(names = "--parallelism", description = "expansions in flight")
    Integer parallelism;

    @Option(names = "--seed", description = "seed for the split, the search and the code")
    Long seed;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "a run parameter, repeatable, e.g. --param coder.knowledge=off --param search.fusion=false")
    Map<String, String> params;

    @Option(names = "--out", description = "output folder (default: ./automlgen-output/<run-id>)")
    Path out;

    @Option(names = "--json", description = "print the result as JSON on stdout")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path task = TaskFolders.check(taskDir);
        TaskFolders.inspect(task, !json);
        ServiceClient planner = ServiceClient.planner();
        RunRequest request = new RunRequest(task.toString(), budget == null ? null : Durations.parse(budget), maxNodes,
                policy, coder, parallelism, seed, params);
        ServiceClient.Answer created = planner.post("/runs", request, Duration.ofSeconds(60));
        if (!created.ok()) {
            throw new CliException("the planner refused the run: " + created.error());
        }
        String runId = created.body().get("runId").asText();
        Output.progress("run " + runId + " started for " + task);
        JsonNode run = follow(planner, runId);
        return finish(planner, run);
    }

    private JsonNode follow(ServiceClient planner, String runId) throws InterruptedException {
        String last = "";
        while (true) {
            ServiceClient.Answer answer = planner.get("/runs/" + runId);
            if (!answer.ok()) {
                throw new CliException("lost the run " + runId + ": " + answer.error());
            }
            JsonNode run = answer.body();
            String status = run.get("status").asText();
            String line = String.format("[%s] %s: %d nodes (%d good, %d buggy, %d running), best %s",
                    Instant.now().toString().substring(11, 19), status, run.get("nodes").asInt(),
                    run.get("good").asInt(), run.get("buggy").asInt(), run.get("pending").asInt(),
                    Output.score(run.get("bestScore")));
            if (!line.substring(11).equals(last)) {
                Output.progress(line);
                last = line.substring(11);
            }
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                return run;
            }
            Thread.sleep(1000);
        }
    }

    private int finish(ServiceClient planner, JsonNode run) throws IOException {
        String runId = run.get("runId").asText();
        String status = run.get("status").asText();
        String finalNode = text(run, "finalNodeId");
        Path outDir = (out == null ? Path.of("automlgen-output", runId) : out).toAbsolutePath();
        boolean valid = false;
        if (finalNode != null) {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("solution.py"), planner.text("/runs/" + runId + "/nodes/" + finalNode + "/code"));
            valid = planner.download("/runs/" + runId + "/nodes/" + finalNode + "/submission", outDir.resolve("submission.csv"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run_id", runId);
        result.put("status", status);
        result.put("metric", text(run, "metric"));
        result.put("lower_is_better", run.path("lowerIsBetter").isNull() ? null : run.path("lowerIsBetter").asBoolean());
        result.put("best_score", run.path("bestScore").isNumber() ? run.get("bestScore").asDouble() : null);
        result.put("best_node", text(run, "bestNodeId"));
        result.put("final_node", finalNode);
        result.put("valid", valid && "COMPLETED".equals(status));
        result.put("nodes", run.get("nodes").asInt());
        result.put("output_dir", finalNode == null ? null : outDir.toString());
        result.put("reason", text(run, "reason"));
        result.put("test_grade", run.get("finalTestGrade"));
        if (json) {
            Output.json(result);
        } else {
            System.out.printf("run %s %s%n", runId, status);
            System.out.printf("best validation %s: %s (node %s)%n", result.get("metric"), Output.score(run.get("bestScore")),
                    result.get("best_node"));
            if (result.get("reason") != null) {
                System.out.println("note: " + result.get("reason"));
            }
            if (finalNode != null) {
                System.out.println("wrote " + outDir.resolve("solution.py") + (valid ? " and submission.csv" : ""));
            }
        }
        return "COMPLETED".equals(status) ? 0 : 1;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
