package ai.automlgen.evaluator.rest;

import ai.automlgen.evaluator.task.TaskInspection;
import ai.automlgen.evaluator.task.TaskLoader;
import ai.automlgen.evaluator.task.TaskSpec;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** {@code POST /tasks/inspect}: what the evaluator reads from a task folder, what it inferred, what is wrong. */
@Path("/tasks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    /** Status for a task folder with problems: the body is the same, with problems listed. */
    static final int UNPROCESSABLE = 422;

    public record InspectRequest(String taskDir) {
    }

    public record TaskView(String name, String modality, String taskType, String metric, boolean lowerIsBetter,
                           String idColumn, List<String> labelColumns, List<String> submissionColumns, Map<String, String> files) {
        static TaskView of(TaskSpec spec) {
            return new TaskView(spec.name(), spec.modality(), spec.taskType(), spec.metric(), spec.lowerIsBetter(),
                    spec.idColumn(), spec.labelColumns(), spec.submissionColumns(), spec.files());
        }
    }

    public record InspectResponse(TaskView task, List<String> inferred, List<String> problems) {
    }

    @POST
    @Path("/inspect")
    public Response inspect(InspectRequest request) {
        if (request == null || request.taskDir() == null || request.taskDir().isBlank()) {
            return Response.status(UNPROCESSABLE)
                    .entity(new InspectResponse(null, List.of(), List.of("request: taskDir: missing; send {\"taskDir\": \"/path/to/task\"}")))
                    .build();
        }
        TaskInspection inspection = TaskLoader.load(java.nio.file.Path.of(request.taskDir()));
        InspectResponse body = new InspectResponse(inspection.spec().map(TaskView::of).orElse(null), inspection.inferred(), inspection.problems());
        return Response.status(inspection.ok() ? 200 : UNPROCESSABLE).entity(body).build();
    }
}
