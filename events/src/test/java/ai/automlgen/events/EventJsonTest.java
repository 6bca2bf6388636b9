package ai.automlgen.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {
    private static final String RUN = "run-1";

    static Stream<RunEvent> everyEvent() {
        TaskInfo task = new TaskInfo("spaceship-titanic", "tabular", "binary", "accuracy", false, "PassengerId",
                List.of("Transported"), List.of("Transported"), Map.of("train", "train.csv"), "desc", null);
        PreparedInputs inputs = new PreparedInputs("/tmp/in", Map.of("train", "train.csv", "valid", "valid.csv"),
                100, 20, 30);
        RunConfig config = new RunConfig("mcgs", "knowledge", 2, 7L, List.of("holdout"), "holdout", Map.of("c", "1.4"));
        return Stream.of(
                TaskSubmitted.of(RUN, "/tasks/x", new Budget(Duration.ofMinutes(10), 50), config),
                TaskPrepared.of(RUN, task, inputs, new PreparedInputs("/tmp/full", Map.of("train", "train.csv"), 120, 0, 30)),
                TaskRejected.of(RUN, List.of("task.yaml: metric 'foo' is unknown")),
                KnowledgeQuery.of(RUN, "gradient boosting", "tabular", "binary", "model", "model", 5),
                KnowledgeResult.of(RUN, "c-1", List.of(new KnowledgeHit("model.xgboost", "model", "model", "XGBoost", "s", 0.5))),
                ExecutionRequested.of(RUN, "n1", CodeRef.python("print(1)"), "/tmp/in", new Resources(2, 2048, 0),
                        Duration.ofSeconds(60), false),
                new ExecutionFinished(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), RUN, "n1", Instant.now(), Outcome.OK, 0,
                        1234, "out", "err", 10, List.of(new ArtifactRef("submission.csv", "file:/a/s.csv", 10, "ab")),
                        "exec-1", null, false),
                new EvaluationCompleted(RunEvent.SCHEMA_VERSION, UUID.randomUUID(), RUN, "n1", Instant.now(), "holdout",
                        "accuracy", 0.81, false, true, List.of(), new Grade(0.80, true, "bronze", true)),
                NodeCreated.of(RUN, "n1", "root", "draft", "b1", 1, "draft: xgboost"),
                EdgeAdded.of(RUN, "root", "n1", "PARENT"),
                NodeScored.of(RUN, "n1", "GOOD", 0.81, 1.0, null),
                BestImproved.of(RUN, "n1", 0.81, null, null),
                RunFinished.of(RUN, "COMPLETED", "n1", 0.81, 3, null));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventRoundTripsToAnEqualRecord(RunEvent event) {
        String json = EventJson.write(event);
        assertEquals(event, EventJson.read(json, event.getClass()));
        assertEquals(event, EventJson.read(json, RunEvent.class));
        assertTrue(json.contains("\"type\":\"" + event.getClass().getSimpleName() + "\""), json);
    }

    @Test
    void everyPermittedRecordIsCoveredByTheRoundTrip() {
        long records = everyEvent().map(Object::getClass).distinct().count();
        assertEquals(13, records);
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = EventJson.write(NodeScored.of(RUN, "n1", "GOOD", 0.5, 1.0, null))
                .replaceFirst("\\{", "{\"addedInVersion2\":{\"x\":1},");
        NodeScored decoded = EventJson.read(json, NodeScored.class);
        assertEquals("n1", decoded.nodeId());
    }

    @Test
    void preparationWrittenBeforeRefitInputsExistedDecodesWithoutThem() {
        PreparedInputs inputs = new PreparedInputs("/tmp/in", Map.of("train", "train.csv"), 10, 2, 3);
        String json = EventJson.write(TaskPrepared.of(RUN, null, inputs, inputs))
                .replaceFirst(",\"refitInputs\":\\{[^}]*\\{[^}]*\\}[^}]*\\}", "");
        assertFalse(json.contains("refitInputs"), json);

        TaskPrepared decoded = EventJson.read(json, TaskPrepared.class);

        assertEquals(inputs, decoded.inputs());
        assertNull(decoded.refitInputs());
    }

    @Test
    void preparationDecodesToItsConcreteKind() {
        String json = EventJson.write(TaskRejected.of(RUN, List.of("no train file")));
        assertInstanceOf(TaskRejected.class, EventJson.read(json, TaskPreparation.class));
    }

    @Test
    void malformedJsonNamesTheTargetRecord() {
        var e = assertThrows(EventJson.EventCodecException.class, () -> EventJson.read("{not json", NodeScored.class));
        assertTrue(e.getMessage().startsWith("cannot decode NodeScored"), e.getMessage());
    }
}
