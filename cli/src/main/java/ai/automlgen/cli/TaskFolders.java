package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Checks a task folder before anything starts: locally for its shape, then with the evaluator. */
final class TaskFolders {
    private TaskFolders() {
    }

    static Path check(Path taskDir) {
        Path task = taskDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(task)) {
            throw new CliException("task folder " + task + " does not exist");
        }
        if (!Files.isRegularFile(task.resolve("task.yaml")) && !Files.isDirectory(task.resolve("public"))) {
            throw new CliException("task folder " + task + " has neither task.yaml nor public/: "
                    + "see docs/pipeline-contract.md and DESIGN §4 for the layout");
        }
        return task;
    }

    /** Asks the evaluator to read and validate the task; every problem is printed and nothing starts. */
    static JsonNode inspect(Path task, boolean showInference) {
        ServiceClient.Answer answer = ServiceClient.evaluator().post("/tasks/inspect", Map.of("taskDir", task.toString()),
                Duration.ofMinutes(2));
        JsonNode body = answer.body();
        JsonNode problems = body == null ? null : body.get("problems");
        if (problems != null && problems.size() > 0) {
            StringBuilder message = new StringBuilder("the task in " + task + " cannot be run:");
            problems.forEach(p -> message.append("\n  - ").append(p.asText()));
            throw new CliException(message.toString());
        }
        if (!answer.ok()) {
            throw new CliException("the evaluator could not read the task: " + answer.error());
        }
        if (showInference && body.has("inferred")) {
            body.get("inferred").forEach(line -> Output.progress("inferred: " + line.asText()));
        }
        return body;
    }
}
