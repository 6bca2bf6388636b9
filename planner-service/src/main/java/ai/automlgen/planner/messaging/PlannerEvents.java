package ai.automlgen.planner.messaging;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.SearchEvent;
import ai.automlgen.events.TaskSubmitted;
import ai.automlgen.events.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

import java.time.Duration;

/**
 * Everything the planner publishes. Sends wait for the broker's acknowledgement, so a caller that
 * returns has really handed its event to Kafka (callers run on worker threads, never the event loop).
 */
@ApplicationScoped
public class PlannerEvents {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<Record<String, String>> tasks;
    private final MutinyEmitter<Record<String, String>> executions;
    private final MutinyEmitter<Record<String, String>> searchEvents;

    public PlannerEvents(@Channel(Topics.TASKS) MutinyEmitter<Record<String, String>> tasks,
                         @Channel(Topics.EXECUTIONS) MutinyEmitter<Record<String, String>> executions,
                         @Channel(Topics.SEARCH_EVENTS) MutinyEmitter<Record<String, String>> searchEvents) {
        this.tasks = tasks;
        this.executions = executions;
        this.searchEvents = searchEvents;
    }

    public void taskSubmitted(TaskSubmitted event) {
        send(tasks, event.runId(), EventJson.write(event));
    }

    /** Keyed by node id: executor instances share the topic as one consumer group. */
    public void executionRequested(ExecutionRequested event) {
        send(executions, event.nodeId(), EventJson.write(event));
    }

    public void search(SearchEvent event) {
        send(searchEvents, event.runId(), EventJson.write(event));
    }

    private static void send(MutinyEmitter<Record<String, String>> emitter, String key, String json) {
        emitter.send(Record.of(key, json)).await().atMost(SEND_TIMEOUT);
    }
}
