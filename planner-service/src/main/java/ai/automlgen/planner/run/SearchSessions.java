package ai.automlgen.planner.run;

import ai.automlgen.planner.graph.RedisConnection;
import ai.automlgen.planner.graph.RedisGraphStore;
import ai.automlgen.planner.graph.RedisSearchGraph;
import ai.automlgen.planner.graph.RunRecord;
import ai.automlgen.planner.search.Objective;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;
import ai.automlgen.planner.search.SearchEngine;
import ai.automlgen.planner.search.SearchGraph;
import ai.automlgen.planner.search.policy.SearchPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search engine of every run this planner works on: the run's policy over its graph. The graph the engine
 * decides on is held in Redis ({@link RedisSearchGraph}), so a planner that restarts, or a second planner that
 * receives a run's events, opens the session again from the run's record and goes on with the same graph. Redis
 * also holds the run's projection (nodes, code, edges, scores) that the API, the CLI and other tools read.
 */
@ApplicationScoped
public class SearchSessions {
    private final RedisGraphStore store;
    private final RedisConnection redis;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    public SearchSessions(RedisGraphStore store, RedisConnection redis) {
        this.store = store;
        this.redis = redis;
    }

    /** One run's engine, graph and budget clock. */
    public record Session(SearchEngine engine, SearchGraph graph, SearchClock clock) {
    }

    /** Validates a run's policy and search parameters before it starts; the message names the problem. */
    static void check(String policy, java.util.Map<String, String> params) {
        SearchConstants constants = SearchConstants.from(params);
        SearchPolicy.named(policy, constants, 0);
    }

    /**
     * The run's session in this planner, opened when it has none: the run's graph in Redis (created with its root
     * the first time) under the run's policy. Needs a prepared run (task and search start known).
     */
    Session open(RunRecord run) {
        if (run.task() == null || run.searchStartedAt() == null) {
            throw new IllegalStateException("run " + run.runId() + " has no search yet: its task is not prepared");
        }
        return sessions.computeIfAbsent(run.runId(), id -> {
            SearchConstants constants = SearchConstants.from(run.config().params());
            SearchGraph graph = RedisSearchGraph.open(redis, id, Objective.of(run.task().lowerIsBetter()),
                    run.searchStartedAt().toEpochMilli());
            SearchEngine engine = new SearchEngine(graph,
                    SearchPolicy.named(run.config().policy(), constants, run.config().seed()), constants,
                    () -> "n" + store.nextSequence(id), System::currentTimeMillis);
            SearchClock clock = SearchClock.of(InstantSource.system(), run.searchStartedAt(), run.budget(),
                    graph::nodeCount);
            return new Session(engine, graph, clock);
        });
    }

    void close(String runId) {
        sessions.remove(runId);
    }
}
