package ai.automlgen.knowledge.api;

import ai.automlgen.knowledge.app.KnowledgeIndex;
import ai.automlgen.knowledge.kb.Entity;
import ai.automlgen.knowledge.kb.KnowledgeBase;
import ai.automlgen.knowledge.kb.LoadProblem;
import ai.automlgen.knowledge.search.Hit;
import ai.automlgen.knowledge.search.SearchMode;
import ai.automlgen.knowledge.search.SearchRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** REST over the knowledge index (README "REST"). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {
    private static final int DEFAULT_PITFALL_LIMIT = 5;
    private final KnowledgeIndex index;

    public KnowledgeResource(KnowledgeIndex index) {
        this.index = index;
    }

    @GET
    @Path("entities/{id}")
    public Entity entity(@PathParam("id") String id) {
        return index.retriever().base().find(id).orElseThrow(() -> new NotFoundException(
                "no entity with id '" + id + "'; find ids with POST /search"));
    }

    @POST
    @Path("search")
    public HitsView search(SearchBody body) {
        if (body == null) {
            throw new IllegalArgumentException("a JSON body {\"text\": ...} is required");
        }
        long start = System.nanoTime();
        SearchRequest request = new SearchRequest(body.text(), body.modality(), body.taskType(), body.kind(),
                body.level(), body.limit() == null ? SearchRequest.DEFAULT_LIMIT : body.limit(),
                SearchMode.parse(body.mode()));
        return view(index.retriever().search(request), start);
    }

    @POST
    @Path("pitfalls/match")
    public HitsView matchPitfalls(PitfallBody body) {
        if (body == null) {
            throw new IllegalArgumentException("a JSON body {\"traceback\": ...} is required");
        }
        long start = System.nanoTime();
        int limit = body.limit() == null ? DEFAULT_PITFALL_LIMIT : body.limit();
        return view(index.retriever().matchPitfalls(body.traceback(), limit), start);
    }

    @GET
    @Path("stats")
    public StatsView stats() {
        KnowledgeBase base = index.retriever().base();
        return new StatsView(base.size(), base.countByKind(), base.countByLevel(), base.countByModality(),
                base.problems().stream().map(LoadProblem::toString).toList());
    }

    private static HitsView view(List<Hit> hits, long start) {
        return new HitsView(hits.stream().map(HitView::of).toList(), (System.nanoTime() - start) / 1_000_000);
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response notReady(KnowledgeIndex.NotReadyException e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorView(message)).build();
    }
}
