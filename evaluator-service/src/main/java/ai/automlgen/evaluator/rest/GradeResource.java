package ai.automlgen.evaluator.rest;

import ai.automlgen.evaluator.grading.TestGrade;
import ai.automlgen.evaluator.grading.TestSetGrader;
import ai.automlgen.evaluator.medals.MedalThresholds;
import ai.automlgen.evaluator.task.TaskInspection;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import ai.automlgen.events.TaskFolder;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.util.List;

/** {@code POST /grade}: grades a submission against a benchmark task's private answers and leaderboard. */
@Path("/grade")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class GradeResource {

    public record GradeRequest(String taskDir, String submission) {
    }

    public record Thresholds(double gold, double silver, double bronze, double median) {
        static Thresholds of(MedalThresholds t) {
            return t == null ? null : new Thresholds(t.gold(), t.silver(), t.bronze(), t.median());
        }
    }

    public record GradeResponse(Double score, boolean valid, List<String> errors, String medal,
                                @JsonProperty("above_median") boolean aboveMedian, Integer position, Integer teams,
                                Thresholds thresholds, String metric, @JsonProperty("lower_is_better") Boolean lowerIsBetter) {
        static GradeResponse of(TestGrade g) {
            return new GradeResponse(g.score(), g.valid(), g.errors(), g.medal() == null ? null : g.medal().label(), g.aboveMedian(),
                    g.position(), g.teams(), Thresholds.of(g.thresholds()), g.metric(), g.lowerIsBetter());
        }

        static GradeResponse failed(List<String> errors) {
            return new GradeResponse(null, false, errors, null, false, null, null, null, null, null);
        }
    }

    @POST
    public Response grade(GradeRequest request) {
        if (request == null || blank(request.taskDir()) || blank(request.submission())) {
            return unprocessable(List.of("request: taskDir and submission are required; send {\"taskDir\": \"/path/to/task\", \"submission\": \"/path/to/submission.csv\"}"));
        }
        TaskInspection inspection = TaskLoader.load(java.nio.file.Path.of(request.taskDir()));
        if (!inspection.ok()) {
            return unprocessable(inspection.problems());
        }
        TaskSpec spec = inspection.spec().orElseThrow();
        if (!TestSetGrader.canGrade(spec)) {
            return unprocessable(List.of(spec.dir() + ": no private/ answers (looked for private/"
                    + String.join(", ", TaskFolder.ANSWER_FILES) + "); grading needs a benchmark task"));
        }
        try {
            return Response.ok(GradeResponse.of(TestSetGrader.grade(spec, java.nio.file.Path.of(request.submission()).toAbsolutePath()))).build();
        } catch (IOException | RuntimeException e) {
            return unprocessable(List.of(spec.dir() + ": cannot read the task's answers or leaderboard: " + e.getMessage()));
        }
    }

    private static Response unprocessable(List<String> errors) {
        return Response.status(TaskResource.UNPROCESSABLE).entity(GradeResponse.failed(errors)).build();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
