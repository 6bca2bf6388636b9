package ai.automlgen.cli;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * JSON over HTTP to one service. An unreachable service becomes a {@link CliException} naming the
 * address and how to start the stack; a non-2xx answer carries the service's own error text.
 */
public final class ServiceClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final String baseUrl;

    private ServiceClient(String name, String baseUrl) {
        this.name = name;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** The service at {@code baseUrl}, whatever the environment says (e.g. a stand-in service in a test). */
    public static ServiceClient at(String name, String baseUrl) {
        return new ServiceClient(name, baseUrl);
    }

    private static ServiceClient configured(String name, String envVariable, String defaultUrl) {
        String configured = System.getenv(envVariable);
        return at(name, configured == null || configured.isBlank() ? defaultUrl : configured);
    }

    public static ServiceClient planner() {
        return configured("planner", "AUTOMLGEN_PLANNER_URL", "http://127.0.0.1:8080");
    }

    public static ServiceClient evaluator() {
        return configured("evaluator", "AUTOMLGEN_EVALUATOR_URL", "http://127.0.0.1:8083");
    }

    static ServiceClient knowledge() {
        return configured("knowledge", "AUTOMLGEN_KNOWLEDGE_URL", "http://127.0.0.1:8081");
    }

    static ServiceClient executor() {
        return configured("executor", "AUTOMLGEN_EXECUTOR_URL", "http://127.0.0.1:8082");
    }

    /** A JSON answer with its HTTP status (callers decide which statuses are errors). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The service failed (HTTP 5xx), as opposed to refusing the request (4xx). */
        public boolean serverError() {
            return status / 100 == 5;
        }

        public String error() {
            if (body != null && body.hasNonNull("error")) {
                return body.get("error").asText();
            }
            return body == null ? "HTTP " + status : body.toString();
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofSeconds(60)).build());
    }

    /** A plain-text resource (e.g. a node's code); a non-2xx answer is an error naming the path. */
    public String text(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path)).GET()
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new CliException("the " + name + " answered HTTP " + response.statusCode() + " for " + path
                        + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    public Answer post(String path, Object body, Duration timeout) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.write(body))).build());
    }

    /** Downloads {@code path} into {@code target}; false when the service answers 404. */
    public boolean download(String path, Path target) {
        try {
            HttpResponse<Path> response = HTTP.send(HttpRequest.newBuilder(uri(path)).GET()
                    .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() == 404) {
                java.nio.file.Files.deleteIfExists(target);
                return false;
            }
            if (response.statusCode() / 100 != 2) {
                throw new CliException("the " + name + " answered HTTP " + response.statusCode() + " for " + path);
            }
            return true;
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body() == null || response.body().isBlank() ? null : parse(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static JsonNode parse(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            return EventJson.mapper().getNodeFactory().objectNode().put("error", text);
        }
    }

    private CliException unreachable(IOException e) {
        String why = e instanceof ConnectException ? "connection refused" : String.valueOf(e.getMessage());
        return new CliException("the " + name + " service is not reachable at " + baseUrl + " (" + why
                + "): start the stack with './automlgen up', or point AUTOMLGEN_" + name.toUpperCase() + "_URL at it");
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
