package ai.automlgen.evaluator;

import ai.automlgen.events.EvaluationCompleted;
import ai.automlgen.events.EventJson;
import ai.automlgen.events.ExecutionFinished;
import ai.automlgen.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** execution-results → evaluations: decode an ExecutionFinished, evaluate it, publish each verdict keyed by runId. */
@ApplicationScoped
public class ExecutionResultHandler {
    private static final Logger LOG = Logger.getLogger(ExecutionResultHandler.class);

    private final Evaluations evaluations;
    private final Emitter<String> out;

    public ExecutionResultHandler(Evaluations evaluations, @Channel(Topics.EVALUATIONS) Emitter<String> out) {
        this.evaluations = evaluations;
        this.out = out;
    }

    @Incoming(Topics.EXECUTION_RESULTS)
    @Blocking
    public void onExecutionFinished(String json) {
        ExecutionFinished execution;
        try {
            execution = EventJson.read(json, ExecutionFinished.class);
        } catch (EventJson.EventCodecException e) {
            LOG.errorf("skipping undecodable message on %s: %s", Topics.EXECUTION_RESULTS, e.getMessage());
            return;
        }
        for (EvaluationCompleted evaluation : evaluations.evaluate(execution)) {
            out.send(Message.of(EventJson.write(evaluation)).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(execution.runId()).build()));
        }
    }
}
