package ai.automlgen.evaluator;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.TaskPreparation;
import ai.automlgen.events.TaskSubmitted;
import ai.automlgen.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/** tasks → task-preparations: decode a TaskSubmitted, prepare the run, publish the answer keyed by runId. */
@ApplicationScoped
public class TaskPreparationHandler {
    private static final Logger LOG = Logger.getLogger(TaskPreparationHandler.class);

    private final TaskPreparations preparations;
    private final Emitter<String> out;

    public TaskPreparationHandler(TaskPreparations preparations, @Channel(Topics.TASK_PREPARATIONS) Emitter<String> out) {
        this.preparations = preparations;
        this.out = out;
    }

    @Incoming(Topics.TASKS)
    @Blocking
    public void onTaskSubmitted(String json) {
        TaskSubmitted submitted;
        try {
            submitted = EventJson.read(json, TaskSubmitted.class);
        } catch (EventJson.EventCodecException e) {
            LOG.errorf("skipping undecodable message on %s: %s", Topics.TASKS, e.getMessage());
            return;
        }
        TaskPreparation answer = preparations.prepare(submitted);
        out.send(Message.of(EventJson.write(answer)).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(submitted.runId()).build()));
    }
}
