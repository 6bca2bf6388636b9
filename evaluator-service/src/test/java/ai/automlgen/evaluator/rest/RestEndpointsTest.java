package ai.automlgen.evaluator.rest;

import ai.automlgen.evaluator.Bench;
import ai.automlgen.evaluator.TinyTask;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The endpoints the CLI calls, with the JSON field names it reads. Needs the local stack (the service joins Kafka). */
@QuarkusTest
@Tag("stack")
class RestEndpointsTest {
    @TempDir
    Path temp;

    @Test
    void healthReportsReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void inspectShowsTheTaskAndWhatWasInferred() throws IOException {
        Path task = TinyTask.write(temp.resolve("tiny"));
        Files.writeString(task.resolve("task.yaml"), "metric: accuracy\n");
        given().contentType(ContentType.JSON).body(Map.of("taskDir", task.toString()))
                .when().post("/tasks/inspect")
                .then().statusCode(200)
                .body("task.idColumn", equalTo("id"))
                .body("task.labelColumns", contains("label"))
                .body("task.lowerIsBetter", equalTo(false))
                .body("task.files.train", equalTo("train.csv"))
                .body("inferred", hasItem("id_column = id (first column of sample_submission.csv)"))
                .body("problems", hasSize(0));
    }

    @Test
    void inspectOfABrokenTaskIs422WithEveryProblem() throws IOException {
        Path task = TinyTask.write(temp.resolve("broken"));
        Files.writeString(task.resolve("task.yaml"), "metric: nope\nid_column: key\n");
        given().contentType(ContentType.JSON).body(Map.of("taskDir", task.toString()))
                .when().post("/tasks/inspect")
                .then().statusCode(422)
                .body("problems", hasSize(3))
                .body("problems[0]", startsWith("task.yaml: metric: unknown metric 'nope'"))
                .body("problems[1]", startsWith("task.yaml: id_column: column 'key' not in public/sample_submission.csv"))
                .body("problems[2]", startsWith("task.yaml: id_column: column 'key' not in public/train.csv"));
    }

    @Test
    void gradeGivesScoreMedalAndLeaderboardPosition() {
        Path task = Bench.task("spaceship-titanic");
        given().contentType(ContentType.JSON)
                .body(Map.of("taskDir", task.toString(), "submission", task.resolve("public/sample_submission.csv").toString()))
                .when().post("/grade")
                .then().statusCode(200)
                .body("valid", equalTo(true))
                .body("errors", hasSize(0))
                .body("metric", equalTo("accuracy"))
                .body("lower_is_better", equalTo(false))
                .body("medal", nullValue())
                .body("above_median", equalTo(false))
                .body("teams", equalTo(1967))
                .body("thresholds.gold", equalTo(0.81903f));
    }

    @Test
    void gradeOfAMissingSubmissionIsInvalidAndSaysSo() {
        Path task = Bench.task("spaceship-titanic");
        given().contentType(ContentType.JSON)
                .body(Map.of("taskDir", task.toString(), "submission", temp.resolve("submission.csv").toString()))
                .when().post("/grade")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("score", nullValue())
                .body("errors", contains("submission.csv: file not found; the code must write it to its output folder"));
    }
}
