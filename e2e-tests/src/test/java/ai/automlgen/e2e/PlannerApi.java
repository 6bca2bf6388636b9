package ai.automlgen.e2e;

import ai.automlgen.events.EventJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The planner's REST API, for what the cli's output does not show; at AUTOMLGEN_PLANNER_URL, else the stack's port. */
final class PlannerApi {
    private static final String URL = System.getenv().getOrDefault("AUTOMLGEN_PLANNER_URL", "http://127.0.0.1:8080");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The body of a GET that must answer 200, e.g. {@code /runs/<id>/graph}. */
    static String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(URL + path)).GET().build());
    }

    /** {@code POST /runs} with {@code request} (RunRequest's fields); returns the new run's id. */
    static String submitRun(Map<String, Object> request) throws Exception {
        String body = send(HttpRequest.newBuilder(URI.create(URL + "/runs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(request))).build(), 201);
        return EventJson.mapper().readTree(body).get("runId").asText();
    }

    /** Ends the run unless it has ended (a run must end before it can be deleted). */
    static void cancelRun(String runId) throws Exception {
        send(HttpRequest.newBuilder(URI.create(URL + "/runs/" + runId + "/cancel")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), 200);
    }

    /** Tests leave no run behind in Redis. */
    static void deleteRun(String runId) throws Exception {
        send(HttpRequest.newBuilder(URI.create(URL + "/runs/" + runId)).DELETE().build());
    }

    private static String send(HttpRequest request) throws Exception {
        return send(request, 200);
    }

    private static String send(HttpRequest request, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), request.method() + " " + request.uri() + ": " + response.body());
        return response.body();
    }

    private PlannerApi() {
    }
}
