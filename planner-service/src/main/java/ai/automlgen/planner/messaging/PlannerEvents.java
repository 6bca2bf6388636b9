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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything the planner publishes. A caller that returns has really handed its events to Kafka:
 * the single-event methods wait for the broker's acknowledgement, and {@link Sends} hands several
 * events over at once and waits for all their acknowledgements together, so a node's
 * NodeCreated, EdgeAdded and ExecutionRequested cost one round trip instead of three (callers run
 * on worker threads, never the event loop). Events with one key keep their order either way.
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
        sends().send(tasks, event.runId(), EventJson.write(event)).awaitAcks();
    }

    public void search(SearchEvent event) {
        sends().search(event).awaitAcks();
    }

    /** A group of events sent now and acknowledged together by {@link Sends#awaitAcks()}. */
    public Sends sends() {
        return new Sends();
    }

    public final class Sends {
        private final List<CompletableFuture<Void>> pending = new ArrayList<>();

        private Sends() {
        }

        public Sends search(SearchEvent event) {
            return send(searchEvents, event.runId(), EventJson.write(event));
        }

        /** Keyed by node id: executor instances share the topic as one consumer group. */
        public Sends executionRequested(ExecutionRequested event) {
            return send(executions, event.nodeId(), EventJson.write(event));
        }

        private Sends send(MutinyEmitter<Record<String, String>> emitter, String key, String json) {
            pending.add(emitter.send(Record.of(key, json)).subscribeAsCompletionStage());
            return this;
        }

        /** Waits until the broker has acknowledged every event of this group; throws when one was refused. */
        public void awaitAcks() {
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused an event: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge " + pending.size() + " event(s) within "
                        + SEND_TIMEOUT.toSeconds() + " s: is the broker up (KAFKA_BOOTSTRAP_SERVERS)?", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka's acknowledgements", e);
            }
        }
    }
}
