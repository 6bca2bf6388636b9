package ai.automlgen.planner.api;

import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.run.RunRequest;
import ai.automlgen.planner.run.RunService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The planner's REST API: submit, watch, cancel and export runs; fetch a node's code and submission. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {
    private final RunService runs;
    private final RedisGraphStore store;

    public RunResource(RunService runs, RedisGraphStore store) {
        this.runs = runs;
        this.store = store;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(RunRequest request) {
        if (request == null || request.taskDir() == null || request.taskDir().isBlank()) {
            throw new RunService.InvalidRunException("the request needs a taskDir: {\"taskDir\": \"/path/to/task\"}");
        }
        RunRecord run = runs.submit(request);
        return Response.created(URI.create("/runs/" + run.runId())).entity(RunView.of(run, List.of(), 0)).build();
    }

    @GET
    public List<RunView> list(@QueryParam("limit") Integer limit) {
        return store.runIds(limit == null ? 50 : limit).stream()
                .flatMap(id -> store.run(id).stream())
                .map(run -> RunView.of(run, List.of(), store.coderTokens(run.runId())))
                .toList();
    }

    @GET
    @Path("/{runId}")
    public RunView get(@PathParam("runId") String runId) {
        RunRecord run = find(runId);
        return RunView.of(run, store.nodes(runId), store.coderTokens(runId));
    }

    @GET
    @Path("/{runId}/graph")
    public GraphView graph(@PathParam("runId") String runId) {
        RunRecord run = find(runId);
        return GraphView.of(run, store.nodes(runId), store.edges(runId));
    }

    @POST
    @Path("/{runId}/cancel")
    public RunView cancel(@PathParam("runId") String runId) {
        RunRecord run = runs.cancel(runId).orElseThrow(() -> notFound(runId));
        return RunView.of(run, store.nodes(runId), store.coderTokens(runId));
    }

    @DELETE
    @Path("/{runId}")
    public Map<String, Object> delete(@PathParam("runId") String runId) {
        long deletedKeys = runs.delete(runId).orElseThrow(() -> notFound(runId));
        return Map.of("runId", runId, "deletedKeys", deletedKeys);
    }

    @GET
    @Path("/{runId}/nodes/{nodeId}/code")
    @Produces(MediaType.TEXT_PLAIN)
    public String code(@PathParam("runId") String runId, @PathParam("nodeId") String nodeId) {
        return store.code(runId, nodeId).orElseThrow(() -> new NotFoundException("no code for node " + nodeId + " of run " + runId));
    }

    @GET
    @Path("/{runId}/nodes/{nodeId}/submission")
    @Produces("text/csv")
    public Response submission(@PathParam("runId") String runId, @PathParam("nodeId") String nodeId) {
        NodeRecord node = store.node(runId, nodeId).orElseThrow(() -> new NotFoundException("run " + runId + " has no node " + nodeId));
        if (node.submissionUri() == null) {
            throw new NotFoundException("node " + nodeId + " of run " + runId + " produced no submission");
        }
        java.nio.file.Path file = java.nio.file.Path.of(URI.create(node.submissionUri()));
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("the submission of node " + nodeId + " is gone from the artifact store: " + file);
        }
        return Response.ok(file.toFile()).build();
    }

    private RunRecord find(String runId) {
        return store.run(runId).orElseThrow(() -> notFound(runId));
    }

    private static NotFoundException notFound(String runId) {
        return new NotFoundException("no run " + runId + " (list runs with GET /runs)");
    }
}
