package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.ServiceClient;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One cell against a stand-in planner on a free local port (JDK HTTP server; no real service). */
class CellRunnerTest {
    private static final Cell CELL = new Cell("a", "mcgs", "full", 1);
    private static final String PREPARING = "{\"runId\": \"run-1\", \"status\": \"PREPARING\", \"nodes\": 0, "
            + "\"good\": 0, \"buggy\": 0, \"budgetSeconds\": 1}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();
    private final HttpServer planner = startPlanner();

    @TempDir
    Path dir;

    private record Answer(int status, String body) {
    }

    private HttpServer startPlanner() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
                requests.add(request);
                Answer answer = answers.getOrDefault(request, new Answer(404, "{\"error\": \"no such path\"}"));
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        planner.stop(0);
    }

    private CellRunner runner(Duration budget) {
        String url = "http://" + planner.getAddress().getHostString() + ":" + planner.getAddress().getPort();
        return new CellRunner(ServiceClient.at("planner", url), ServiceClient.at("evaluator", url),
                new CellRunner.Settings(dir, budget, null, null, null, Duration.ZERO, dir), ConcurrentHashMap.newKeySet());
    }

    @Test
    void aPlannerFailingToStartTheRunStopsTheBenchInsteadOfRecordingTheCell() {
        answers.put("POST /runs", new Answer(503, "{\"error\": \"Redis is not reachable\"}"));
        CliException stop = assertThrows(CliException.class, () -> runner(null).run(CELL, Variant.FULL));
        assertTrue(stop.getMessage().contains("HTTP 503 to POST /runs for cell a|mcgs|full|1: Redis is not reachable"),
                stop.getMessage());
    }

    @Test
    void aPlannerFailingWhileTheRunIsFollowedStopsTheBench() {
        answers.put("POST /runs", new Answer(201, "{\"runId\": \"run-1\"}"));
        answers.put("GET /runs/run-1", new Answer(500, "{\"error\": \"Redis is not reachable\"}"));
        CliException stop = assertThrows(CliException.class, () -> runner(null).run(CELL, Variant.FULL));
        assertTrue(stop.getMessage().contains("HTTP 500 to GET /runs/run-1"), stop.getMessage());
    }

    @Test
    void aRefusedRunIsTheCellsResult() throws Exception {
        answers.put("POST /runs", new Answer(400, "{\"error\": \"unknown run param search.fusoin\"}"));
        CellResult result = runner(null).run(CELL, Variant.FULL);
        assertEquals("REFUSED", result.status());
        assertEquals("the planner refused the run: unknown run param search.fusoin", result.reason());
    }

    @Test
    void aRunStuckWithoutADeadlineIsCancelledAfterItsBudgetPlusGrace() {
        answers.put("POST /runs", new Answer(201, "{\"runId\": \"run-1\"}"));
        answers.put("GET /runs/run-1", new Answer(200, PREPARING));
        answers.put("POST /runs/run-1/cancel", new Answer(200, "{}"));
        CellResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> runner(Duration.ofSeconds(1)).run(CELL, Variant.FULL));
        assertEquals("TIMED_OUT", result.status());
        assertTrue(result.reason().contains("still PREPARING past its budget plus PT0S with no deadline"), result.reason());
        assertTrue(requests.contains("POST /runs/run-1/cancel"), requests.toString());
    }
}
