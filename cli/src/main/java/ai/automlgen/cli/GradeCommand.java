package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** Grade a submission against a task's private answers: score, validity, medal and position. */
@Command(name = "grade", description = "Grade a submission file against a task's private answers.")
final class GradeCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "task folder")
    Path taskDir;

    @Parameters(index = "1", description = "submission CSV")
    Path submission;

    @Option(names = "--json", description = "print the grade as JSON on stdout")
    boolean json;

    @Override
    public Integer call() {
        Path task = TaskFolders.check(taskDir);
        Path file = submission.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new CliException("submission " + file + " does not exist");
        }
        ServiceClient.Answer answer = ServiceClient.evaluator().post("/grade",
                Map.of("taskDir", task.toString(), "submission", file.toString()), Duration.ofMinutes(10));
        if (!answer.ok()) {
            throw new CliException("grading failed: " + answer.error());
        }
        JsonNode grade = answer.body();
        if (json) {
            Output.json(grade);
        } else {
            System.out.printf("%s: %s (%s)%n", grade.path("metric").asText(), Output.score(grade.get("score")),
                    grade.path("valid").asBoolean() ? "valid" : "INVALID");
            grade.path("errors").forEach(e -> System.out.println("  - " + e.asText()));
            if (!grade.path("medal").isMissingNode()) {
                System.out.printf("medal: %s, above median: %s, position %s of %s%n",
                        grade.path("medal").isNull() ? "none" : grade.path("medal").asText(),
                        grade.path("above_median").asText(), grade.path("position").asText("-"),
                        grade.path("teams").asText("-"));
            }
        }
        return grade.path("valid").asBoolean() ? 0 : 1;
    }
}
