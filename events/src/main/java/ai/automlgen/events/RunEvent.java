package ai.automlgen.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * Every event on every topic. The JSON carries a {@code type} property with the record's simple
 * name, so a consumer may decode to the concrete record or to this interface.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TaskSubmitted.class),
        @JsonSubTypes.Type(TaskPrepared.class),
        @JsonSubTypes.Type(TaskRejected.class),
        @JsonSubTypes.Type(KnowledgeQuery.class),
        @JsonSubTypes.Type(KnowledgeResult.class),
        @JsonSubTypes.Type(ExecutionRequested.class),
        @JsonSubTypes.Type(ExecutionFinished.class),
        @JsonSubTypes.Type(EvaluationCompleted.class),
        @JsonSubTypes.Type(NodeCreated.class),
        @JsonSubTypes.Type(EdgeAdded.class),
        @JsonSubTypes.Type(NodeScored.class),
        @JsonSubTypes.Type(BestImproved.class),
        @JsonSubTypes.Type(RunFinished.class)
})
public sealed interface RunEvent
        permits TaskSubmitted, TaskPreparation, KnowledgeQuery, KnowledgeResult, ExecutionRequested,
        ExecutionFinished, EvaluationCompleted, SearchEvent {

    /** Version of the contracts in this jar; bumped on incompatible changes. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();

    UUID eventId();

    String runId();

    Instant at();
}
