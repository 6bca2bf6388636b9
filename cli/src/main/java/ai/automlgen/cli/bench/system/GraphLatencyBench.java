package ai.automlgen.cli.bench.system;

import ai.automlgen.cli.CliException;
import ai.automlgen.cli.ServiceClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph read latency as a user sees it: sequential GETs of a run and its graph, timed at the client
 * (request, Redis reads behind it, transfer and JSON parsing), after a few unmeasured warm-up calls.
 */
final class GraphLatencyBench {
    private static final int WARM_UP = 10;

    private GraphLatencyBench() {
    }

    /** Latency per path, {@code requests} calls each. */
    static Map<String, Statistics.Latency> measure(ServiceClient planner, String runId, int requests) {
        Map<String, Statistics.Latency> latencies = new LinkedHashMap<>();
        for (String path : List.of("/runs/" + runId, "/runs/" + runId + "/graph")) {
            for (int i = 0; i < WARM_UP; i++) {
                call(planner, path);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                call(planner, path);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            latencies.put("GET " + path.replace(runId, "{id}"), Statistics.latency(millis));
        }
        return latencies;
    }

    /** Nodes in the run's graph, to say what size of graph was read. */
    static int nodes(ServiceClient planner, String runId) {
        return call(planner, "/runs/" + runId + "/graph").body().path("nodes").size();
    }

    private static ServiceClient.Answer call(ServiceClient planner, String path) {
        ServiceClient.Answer answer = planner.get(path);
        if (!answer.ok()) {
            throw new CliException("the planner answered " + answer.status() + " for " + path + ": " + answer.error());
        }
        return answer;
    }
}
