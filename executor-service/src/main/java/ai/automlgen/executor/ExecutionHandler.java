package ai.automlgen.executor;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.ExecutionRequested;
import ai.automlgen.events.Topics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code executions} → run → {@code execution-results}. Nothing here blocks: the returned stage
 * completes once the request holds its slots, so the connector takes the next request only when
 * one could start, and keeps polling meanwhile. The request is acknowledged once its result is
 * published, so a crash mid-run means redelivery, and a redelivery after publishing republishes.
 */
@ApplicationScoped
public class ExecutionHandler {
    private static final Logger LOG = Logger.getLogger(ExecutionHandler.class);

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
        submission.finished()
                .thenCompose(this::publish)
                .whenComplete((ignored, error) -> {
                    if (error == null) {
                        message.ack();
                    } else {
                        LOG.errorf(error, "%s/%s: could not publish its result", request.runId(), request.nodeId());
                        message.nack(error);
                    }
                });
        return submission.admitted();
    }

    private CompletableFuture<Void> publish(ExecutionFinished finished) {
        Message<String> record = Message.of(EventJson.write(finished))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(finished.runId()).build());
        return results.sendMessage(record).subscribeAsCompletionStage();
    }
}
