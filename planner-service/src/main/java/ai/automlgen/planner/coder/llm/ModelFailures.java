package ai.automlgen.planner.coder.llm;

import ai.automlgen.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * What a failed model call means for the user: which setting to check, with the server's own words. langchain4j
 * maps HTTP answers to exception types (401/403 authentication, 404 model not found, other 4xx invalid request,
 * 408/429/5xx retriable) and keeps the {@link HttpException}, whose message is the answer's body, as a cause.
 */
final class ModelFailures {
    private static final int MAX_SERVER_MESSAGE = 300;

    private ModelFailures() {
    }

    /** Whether retrying cannot help: the endpoint refused the request, or its host does not resolve. */
    static boolean refused(Throwable failure) {
        return failure instanceof NonRetriableException
                || has(failure, UnknownHostException.class);
    }

    /**
     * Whether the call failed because its thread was interrupted (the client may wrap that in its own exception); a
     * socket timeout is an InterruptedIOException too, but a transport failure.
     */
    static boolean interrupted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException
                    || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** Why a call that retrying cannot help failed, and what to change. */
    static String refusal(String baseUrl, String model, Throwable failure) {
        String detail = detail(failure);
        if (failure instanceof AuthenticationException) {
            return "the model endpoint " + baseUrl + " refused the API key (" + detail + "); set AUTOMLGEN_LLM_API_KEY to "
                    + "a key it accepts";
        }
        if (failure instanceof ModelNotFoundException) {
            return "the model endpoint " + baseUrl + " does not know the model or path (" + detail + "); check that "
                    + "AUTOMLGEN_LLM_MODEL ('" + model + "') is a model it serves and that AUTOMLGEN_LLM_BASE_URL ends "
                    + "in the API's path (usually /v1)";
        }
        if (failure instanceof InvalidRequestException) {
            return "the model endpoint " + baseUrl + " rejected the request (" + detail + "); the prompt plus "
                    + "AUTOMLGEN_LLM_MAX_TOKENS may exceed the model's context (lower AUTOMLGEN_LLM_MAX_TOKENS or use a "
                    + "model with a longer context), or the server refuses a parameter (AUTOMLGEN_LLM_TEMPERATURE, "
                    + "AUTOMLGEN_LLM_MAX_TOKENS)";
        }
        if (failure instanceof UnresolvedModelServerException || has(failure, UnknownHostException.class)) {
            return "the model endpoint's host in " + baseUrl + " does not resolve (" + detail + "); check "
                    + "AUTOMLGEN_LLM_BASE_URL";
        }
        return "the model endpoint " + baseUrl + " refused the request (" + detail + ")";
    }

    /** Why the last of {@code attempts} transport failures in a row happened, and what to change. */
    static String exhausted(String baseUrl, int attempts, Throwable failure) {
        String failed = "the model endpoint " + baseUrl + " failed " + attempts + " time(s) in a row (" + detail(failure) + "); ";
        if (has(failure, ConnectException.class)) {
            return failed + "nothing answers there: check AUTOMLGEN_LLM_BASE_URL and that the model server is up";
        }
        return failed + "check that it is up, or raise AUTOMLGEN_LLM_TIMEOUT / AUTOMLGEN_LLM_RETRIES";
    }

    /** The HTTP status and the server's message where there was an answer, else the failure's own message. */
    static String detail(Throwable failure) {
        HttpException http = find(failure, HttpException.class);
        if (http == null) {
            String message = failure.getMessage();
            return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        }
        return "HTTP " + http.statusCode() + ": " + serverMessage(http.getMessage());
    }

    /** The error message of an OpenAI-style error body ({"error": {"message": …}} or vLLM's {"message": …}), cut short. */
    private static String serverMessage(String body) {
        String message = body == null ? "" : body;
        try {
            JsonNode json = EventJson.mapper().readTree(message);
            JsonNode error = json.path("error");
            JsonNode text = error.path("message").isTextual() ? error.path("message")
                    : json.path("message").isTextual() ? json.path("message") : error;
            if (text.isTextual()) {
                message = text.asText();
            }
        } catch (IOException notJson) {
            // a proxy's HTML page or plain text: shown as it is
        }
        String flat = message.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_SERVER_MESSAGE ? flat : flat.substring(0, MAX_SERVER_MESSAGE) + "…";
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        return find(failure, type) != null;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
