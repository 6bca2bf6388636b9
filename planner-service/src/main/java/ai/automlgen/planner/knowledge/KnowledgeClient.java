package ai.automlgen.planner.knowledge;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.Operator;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The planner's port to the knowledge service (REST): entity ids relevant to one operator step,
 * best first. Retrieval guides the coders but never blocks a run: when the service is down or
 * slow the step goes on without knowledge and the log says which address failed and why.
 */
@ApplicationScoped
public class KnowledgeClient {
    private static final Logger LOG = Logger.getLogger(KnowledgeClient.class);
    /**
     * Hits asked for a draft's model-level query and for a traceback's pitfalls: a draft weighs the first few models only.
     */
    static final int MODEL_HITS = 8;
    /**
     * Hits asked for a search step (improve, evolution, fusion): its query spans every level, and the data and
     * strategy entities that match an edit share the ranking with metrics, pitfalls and architectures ahead of them.
     */
    static final int SEARCH_HITS = 50;

    private final HttpClient http;
    private final String baseUrl;
    private final Duration timeout;

    public KnowledgeClient(@ConfigProperty(name = "automlgen.knowledge.url") String baseUrl,
                           @ConfigProperty(name = "automlgen.knowledge.timeout") Duration timeout) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Entities for an operator step: model-level ones for drafts, pitfalls for a traceback, every level otherwise. */
    public List<String> relevant(Operator operator, TaskInfo task, String traceback) {
        try {
            if (operator == Operator.DEBUG && traceback != null && !traceback.isBlank()) {
                return ids(post("/pitfalls/match", Map.of("traceback", traceback, "limit", MODEL_HITS)));
            }
            boolean models = operator == Operator.DRAFT || operator == Operator.AGGREGATION;
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("text", task.name() + " " + task.modality() + " " + task.taskType() + " " + task.metric() + " "
                    + abbreviate(task.description(), 1500));
            query.put("modality", task.modality());
            query.put("taskType", task.taskType());
            query.put("level", models ? "model" : null);
            query.put("limit", models ? MODEL_HITS : SEARCH_HITS);
            return ids(post("/search", query));
        } catch (KnowledgeUnavailableException e) {
            LOG.warn(e.getMessage());
            return List.of();
        }
    }

    /**
     * The first {@code limit} of {@code ids} as entities (for a prompt), in the given order; an entity the service
     * cannot give is left out, and when the service is down the step goes on with none.
     */
    public List<KnowledgeEntity> entities(List<String> ids, int limit) {
        List<KnowledgeEntity> entities = new ArrayList<>();
        try {
            for (String id : ids.subList(0, Math.min(limit, ids.size()))) {
                JsonNode e = get("/entities/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
                if (e != null) {
                    List<KnowledgeEntity.Hyperparameter> hyperparameters = new ArrayList<>();
                    e.path("hyperparameters").forEach(hp -> hyperparameters.add(hyperparameter(hp)));
                    entities.add(new KnowledgeEntity(id, e.path("kind").asText(""), e.path("title").asText(id),
                            e.path("summary").asText(""), e.path("when_to_use").asText(""),
                            e.path("when_to_avoid").asText(""), e.path("template").asText(""), e.path("fix").asText(""),
                            hyperparameters));
                }
            }
        } catch (KnowledgeUnavailableException e) {
            LOG.warn(e.getMessage());
        }
        return entities;
    }

    /** The answer to a GET; null for a 404 (an id the service does not know). */
    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).GET().build();
        return send(request, path, true);
    }

    private JsonNode post(String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body))).build();
        return send(request, path, false);
    }

    private JsonNode send(HttpRequest request, String path, boolean notFoundIsNull) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (notFoundIsNull && response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() / 100 != 2) {
                throw new KnowledgeUnavailableException("the knowledge service at " + baseUrl + " answered HTTP "
                        + response.statusCode() + " to " + path + "; going on without knowledge");
            }
            return EventJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new KnowledgeUnavailableException("the knowledge service is not reachable at " + baseUrl + " ("
                    + e.getClass().getSimpleName() + "); going on without knowledge — start it with './automlgen up' "
                    + "or set AUTOMLGEN_KNOWLEDGE_URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KnowledgeUnavailableException("interrupted while asking the knowledge service");
        }
    }

    /** A hyperparameter as the service gives it ({name, type, low, high, default, choices, log}). */
    private static KnowledgeEntity.Hyperparameter hyperparameter(JsonNode hp) {
        String type = hp.path("type").asText("");
        List<String> choices = new ArrayList<>();
        hp.path("choices").forEach(choice -> choices.add(choice.asText()));
        String range = !choices.isEmpty() ? "one of " + String.join(", ", choices)
                : hp.has("low") && hp.has("high") ? type + ", " + hp.get("low").asText() + " to " + hp.get("high").asText()
                + (hp.path("log").asBoolean() ? ", log scale" : "")
                : type;
        return new KnowledgeEntity.Hyperparameter(hp.path("name").asText(), pythonLiteral(hp.path("default")), range);
    }

    /** The knowledge service's own rendering of a default: True/False/None, a single-quoted string, a number as written. */
    static String pythonLiteral(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "None";
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isNumber()) {
            return value.asText();
        }
        return "'" + value.asText().replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.path("hits").forEach(hit -> ids.add(hit.path("id").asText()));
        return ids;
    }

    private static String abbreviate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }

    /** The knowledge service could not answer; the message names the address and what to do. */
    static final class KnowledgeUnavailableException extends RuntimeException {
        KnowledgeUnavailableException(String message) {
            super(message);
        }
    }
}
