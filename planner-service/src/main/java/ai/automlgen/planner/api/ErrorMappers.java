package ai.automlgen.planner.api;

import ai.automlgen.planner.graph.RedisConnection;
import ai.automlgen.planner.run.RunService;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** Errors a client can act on, as {@code {"error": "..."}} with the status that fits. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response invalidRun(RunService.InvalidRunException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response runNotFinished(RunService.RunNotFinishedException e) {
        return error(Response.Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response runBusy(RunService.RunBusyException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage() + ": try again in a moment");
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response redisDown(RedisConnection.RedisUnavailableException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
