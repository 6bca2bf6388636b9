package ai.automlgen.executor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The debugging aid behind {@code automlgen sandbox run}, on the process sandbox (test profile). */
@QuarkusTest
@Tag("stack")
class SandboxResourceTest {
    @ConfigProperty(name = "automlgen.home")
    Path home;

    @Test
    void runsAScriptAndAnswersWithOutcomeExitCodeAndTails() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", "import sys\nprint('hello')\nprint('oops', file=sys.stderr)\nsys.exit(3)",
                        "timeoutSeconds", 30, "memoryMb", 1024))
                .when().post("/sandbox/run")
                .then().statusCode(200)
                .body("outcome", equalTo("ERROR"))
                .body("exit_code", equalTo(3))
                .body("stdout_tail", equalTo("hello\n"))
                .body("stderr_tail", equalTo("oops\n"))
                .body("output_bytes", equalTo(11))
                .body("sandbox", equalTo("process"));
    }

    @Test
    void timeoutIsReportedAsTimeoutWithoutExitCode() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", "while True: pass", "timeoutSeconds", 2))
                .when().post("/sandbox/run")
                .then().statusCode(200)
                .body("outcome", equalTo("TIMEOUT"))
                .body("exit_code", equalTo(null));
    }

    @Test
    void unknownSandboxIsABadRequestListingTheAvailableOnes() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", "print(1)", "sandbox", "vm"))
                .when().post("/sandbox/run")
                .then().statusCode(400)
                .body("error", containsString("sandbox 'vm' is not available here; available: "));
    }

    @Test
    void slotsShowCapacityAndWhatIsInUse() throws Exception {
        given().when().get("/slots").then().statusCode(200)
                .body("cpus", greaterThanOrEqualTo(1))
                .body("cpus_in_use", equalTo(0))
                .body("sandbox", equalTo("process"));
        CompletableFuture<String> sleeping = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(Map.of("source", "import time\ntime.sleep(4)\nprint('woke')", "timeoutSeconds", 30))
                .post("/sandbox/run").then().extract().path("outcome"));
        boolean seenInUse = false;
        for (int i = 0; i < 30 && !seenInUse; i++) {
            seenInUse = given().get("/slots").then().extract().<Integer>path("cpus_in_use") == 1;
            Thread.sleep(100);
        }
        assertTrue(seenInUse, "a running script holds one CPU slot");
        assertEquals("OK", sleeping.get(30, TimeUnit.SECONDS));
        given().when().get("/slots").then().body("cpus_in_use", equalTo(0)).body("running", equalTo(0));
    }

    @Test
    void aRunsEvaluatorFolderAsInputIsABadRequestSayingWhatToNameInstead() throws Exception {
        Path evaluator = Files.createDirectories(home.resolve("runs/sandbox-resource-test/evaluator"));
        given().contentType(ContentType.JSON)
                .body(Map.of("source", "print(1)", "inputDir", evaluator.toString()))
                .when().post("/sandbox/run")
                .then().statusCode(400)
                .body("error", containsString("is not a prepared input of its run"))
                .body("error", containsString("name a run's prepared input/ or full/"));
    }

    @Test
    void requestLargerThanTheExecutorIsABadRequestSayingWhy() {
        given().contentType(ContentType.JSON)
                .body(Map.of("source", "print(1)", "memoryMb", 100_000_000))
                .when().post("/sandbox/run")
                .then().statusCode(400)
                .body("error", containsString("100000000 MB of memory requested"));
    }
}
