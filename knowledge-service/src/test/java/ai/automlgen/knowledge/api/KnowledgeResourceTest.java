package ai.automlgen.knowledge.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * The REST API over the shipped base plus the fixtures in src/test/resources/kb-extension.
 * Needs Kafka at 127.0.0.1:9092 (infra/stack.sh up infra) because the app's channels connect at start.
 */
@QuarkusTest
@Tag("stack")
class KnowledgeResourceTest {
    @BeforeEach
    void ready() throws InterruptedException {
        Ready.await(Duration.ofMinutes(5));
    }

    @Test
    void entityIsReturnedWithAllFields() {
        given().get("/entities/feature.fixture_chroniton_counts").then().statusCode(200)
                .body("id", equalTo("feature.fixture_chroniton_counts"))
                .body("when_to_use", equalTo("Only in tests of the extension directory."))
                .body("hyperparameters[0].default", equalTo(8))
                .body("task_types", equalTo(java.util.List.of("multiclass")));
    }

    @Test
    void unknownEntityIs404WithAMessage() {
        given().get("/entities/model.nope").then().statusCode(404)
                .body("error", equalTo("no entity with id 'model.nope'; find ids with POST /search"));
    }

    @Test
    void searchFindsTheExtensionEntityByItsText() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"count chronitons in audio clips\", \"limit\": 3}")
                .post("/search").then().statusCode(200)
                .body("hits[0].id", equalTo("feature.fixture_chroniton_counts"))
                .body("hits[0].matched_by", equalTo("hybrid"))
                .body("hits", hasSize(lessThanOrEqualTo(3)))
                .body("took_ms", lessThanOrEqualTo(5000));
    }

    @Test
    void filtersRestrictKindAndModality() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"gradient boosting trees\", \"kind\": \"model\", \"modality\": \"tabular\", "
                        + "\"mode\": \"bm25\", \"limit\": 20}")
                .post("/search").then().statusCode(200)
                .body("hits.size()", greaterThan(0))
                .body("hits.kind", everyItem(equalTo("model")))
                // an entity listing no modality, or "any", suits every modality
                .body("hits.modalities", everyItem(Matchers.<Collection<String>>anyOf(
                        hasItem("tabular"), hasItem("any"), empty())))
                .body("hits.matched_by", everyItem(equalTo("bm25")));
    }

    @Test
    void denseModeAnswers() {
        given().contentType(ContentType.JSON)
                .body("{\"text\": \"chroniton features for sound\", \"mode\": \"dense\", \"modality\": \"audio\"}")
                .post("/search").then().statusCode(200)
                .body("hits.id", hasItem("feature.fixture_chroniton_counts"));
    }

    @Test
    void badFilterIs400NamingTheChoices() {
        given().contentType(ContentType.JSON).body("{\"text\": \"x\", \"modality\": \"imag\"}")
                .post("/search").then().statusCode(400)
                .body("error", containsString("unknown modality 'imag'; use one of [tabular,"));
    }

    @Test
    void tracebackMatchesPitfallBySignature() {
        String traceback = "Traceback (most recent call last):\\n  File \\\"solution.py\\\", line 3\\n"
                + "FluxCapacitorError: overloaded at 88 gigawatts";
        given().contentType(ContentType.JSON).body("{\"traceback\": \"" + traceback + "\"}")
                .post("/pitfalls/match").then().statusCode(200)
                .body("hits[0].id", equalTo("pitfall.fixture_flux_capacitor"))
                .body("hits[0].matched_by", equalTo("signature"))
                .body("hits[0].fix", equalTo("Lower the gigawatts below 1.21."))
                .body("hits.kind", everyItem(equalTo("pitfall")));
    }

    @Test
    void emptyTracebackIs400() {
        given().contentType(ContentType.JSON).body("{\"traceback\": \"\"}")
                .post("/pitfalls/match").then().statusCode(400)
                .body("error", containsString("traceback is required"));
    }

    @Test
    void statsCountTheBaseAndReportSkippedFilesWithField() {
        given().get("/stats").then().statusCode(200)
                .body("total", greaterThan(2))
                .body("by_kind.feature", greaterThan(0))
                .body("by_level.size()", greaterThan(0))
                .body("by_modality.audio", greaterThan(0))
                .body("skipped", hasItem(containsString(
                        "broken.yaml: entity model.fixture_inverted_range: field hyperparameters[0].high: low 10 must be below high 3")))
                .body("skipped", hasItem(containsString(
                        "broken.yaml: entity model.fixture_foreign_import: field template: imports 'lightgbm'")));
    }
}
