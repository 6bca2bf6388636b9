package ai.automlgen.planner.run;

import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.search.InMemorySearchGraph;
import ai.automlgen.planner.search.Objective;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.SearchEngine;
import ai.automlgen.planner.search.policy.SearchPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search engine of every run this planner drives: the run's policy over its graph. The graph
 * the engine decides on is held in this process; Redis holds the run's projection (nodes, code,
 * edges, scores) that the API, the CLI and other tools read.
 */
@ApplicationScoped
public class SearchSessions {
    private final RedisGraphStore store;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    public SearchSessions(RedisGraphStore store) {
        this.store = store;
    }

    /** One run's engine, graph and budget clock. */
    public record Session(SearchEngine engine, InMemorySearchGraph graph, SearchClock clock) {
    }

    /** Validates a run's policy and search parameters before it starts; the message names the problem. */
    static void check(String policy, java.util.Map<String, String> params) {
        SearchConstants constants = SearchConstants.from(params);
        SearchPolicy.named(policy, constants, 0);
    }

    Session open(RunRecord run) {
        return sessions.computeIfAbsent(run.runId(), id -> {
            SearchConstants constants = SearchConstants.from(run.config().params());
            InMemorySearchGraph graph = new InMemorySearchGraph(Objective.of(run.task().lowerIsBetter()),
                    run.searchStartedAt().toEpochMilli());
            SearchEngine engine = new SearchEngine(graph,
                    SearchPolicy.named(run.config().policy(), constants, run.config().seed()), constants,
                    () -> "n" + store.nextSequence(id), System::currentTimeMillis);
            SearchClock clock = SearchClock.of(InstantSource.system(), run.searchStartedAt(), run.budget(),
                    graph::nodeCount);
            return new Session(engine, graph, clock);
        });
    }

    Optional<Session> get(String runId) {
        return Optional.ofNullable(sessions.get(runId));
    }

    void close(String runId) {
        sessions.remove(runId);
    }
}
