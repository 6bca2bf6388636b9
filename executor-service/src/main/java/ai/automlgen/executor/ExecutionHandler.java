package ai.automlgen.executor;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * {@code executions} → run → {@code execution-results}. Nothing here blocks: the returned stage
 * completes once the request holds its slots, so the connector takes the next request only when
 * one could start, and keeps polling meanwhile. The request is acknowledged once its result is
 * published, so a crash mid-run means redelivery, and a redelivery after publishing republishes.
 * A publish that fails is retried until Kafka takes it: acknowledging instead would lose the result.
 */
@ApplicationScoped
public class ExecutionHandler {
    private static final Logger LOG = Logger.getLogger(ExecutionHandler.class);
    private static final Duration PUBLISH_FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration PUBLISH_MAX_RETRY = Duration.ofSeconds(30);

    private final ExecutionScheduler scheduler;
    private final MutinyEmitter<String> results;

    public ExecutionHandler(ExecutionScheduler scheduler, @Channel(Topics.EXECUTION_RESULTS) MutinyEmitter<String> results) {
        this.scheduler = scheduler;
        this.results = results;
    }

    @Incoming(Topics.EXECUTIONS)
    public CompletionStage<Void> onExecutionRequested(Message<String> message) {
        ExecutionRequested request;
        try {
            request = EventJson.read(message.getPayload(), ExecutionRequested.class);
        } catch (EventJson.EventCodecException e) {
            LOG.errorf("dropping an unreadable message on %s: %s", Topics.EXECUTIONS, e.getMessage());
            return message.ack();
        }
        if (request.runId() == null || request.nodeId() == null) {
            LOG.errorf("dropping an ExecutionRequested without runId or nodeId (nothing to answer to): %s", message.getPayload());
            return message.ack();
        }
        ExecutionScheduler.Submission submission = scheduler.submit(request);
        // Never a nack: failure-strategy=ignore acknowledges a nacked request, and the result would be lost.
        submission.finished().whenComplete((finished, error) -> {
            if (error != null) {
                // The run was interrupted (the executor is stopping): left unacknowledged, it is redelivered.
                LOG.warnf("%s/%s: stopped before it finished (%s); it runs again after a restart",
                        request.runId(), request.nodeId(), error);
                return;
            }
            publish(finished).subscribe().with(published -> message.ack());
        });
        return submission.admitted();
    }

    private Uni<Void> publish(ExecutionFinished finished) {
        Message<String> record = Message.of(EventJson.write(finished))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(finished.runId()).build());
        // sendMessage is lazy: each retry sends the record again.
        return results.sendMessage(record)
                .onFailure().invoke(error -> LOG.errorf("%s/%s: could not publish its result (%s); retrying",
                        finished.runId(), finished.nodeId(), error.getMessage()))
                .onFailure().retry().withBackOff(PUBLISH_FIRST_RETRY, PUBLISH_MAX_RETRY).indefinitely();
    }
}
