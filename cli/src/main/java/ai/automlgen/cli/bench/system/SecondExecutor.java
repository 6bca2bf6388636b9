package ai.automlgen.cli.bench.system;

import ai.automlgen.cli.CliException;
import ai.automlgen.events.EventJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second executor-service instance, started and stopped by infra/bench-executors.sh (which gives it
 * the stack's environment, its own port and its own sandbox uids), and the slots an instance offers.
 */
final class SecondExecutor implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path script;
    private final String url;

    private SecondExecutor(Path script, String url) {
        this.script = script;
        this.url = url;
    }

    /** Runs {@code script up}; its last stdout line is the instance's base URL. */
    static SecondExecutor start(Path script) {
        if (!Files.isExecutable(script)) {
            throw new CliException(script + " is missing or not executable: pass the repository's "
                    + "infra/bench-executors.sh with --executors-script");
        }
        String output = call(script, "up");
        String[] lines = output.strip().split("\n");
        return new SecondExecutor(script, lines[lines.length - 1].strip());
    }

    String url() {
        return url;
    }

    /** The CPU slots an executor instance offers ({@code GET /slots}). */
    static int slotCpus(String executorUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(executorUrl + "/slots"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new CliException("the executor at " + executorUrl + " answered HTTP " + response.statusCode()
                        + " for /slots");
            }
            return EventJson.mapper().readTree(response.body()).path("cpus").asInt();
        } catch (IOException e) {
            throw new CliException("the executor is not reachable at " + executorUrl + " (" + e.getMessage()
                    + "): start the stack with './automlgen up', or point AUTOMLGEN_EXECUTOR_URL at it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static String call(Path script, String action) {
        try {
            Process process = new ProcessBuilder("bash", script.toString(), action)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new CliException(script + " " + action + " failed (exit " + exit + "); its message is above");
            }
            return output;
        } catch (IOException e) {
            throw new CliException("cannot run " + script + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    @Override
    public void close() {
        call(script, "down");
    }
}
