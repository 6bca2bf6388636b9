package ai.automlgen.knowledge.quality;

import ai.automlgen.knowledge.kb.KnowledgeBase;
import ai.automlgen.knowledge.kb.KnowledgeBaseLoader;
import ai.automlgen.knowledge.search.EmbeddingCache;
import ai.automlgen.knowledge.search.Hit;
import ai.automlgen.knowledge.search.MiniLmEmbedder;
import ai.automlgen.knowledge.search.Retriever;
import ai.automlgen.knowledge.search.SearchMode;
import ai.automlgen.knowledge.search.SearchRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retrieval quality (recall@5, nDCG@10 per mode over the labelled queries) and warm hybrid latency
 * over the whole shipped base. Run on demand: {@code mvn -o -pl knowledge-service test -Pbenchmark}.
 * Relevant ids not (yet) in the base are left out of a query's labels and counted.
 */
@Tag("benchmark")
class RetrievalBenchmark {
    private static final int LATENCY_WARMUP = 50;
    private static final int LATENCY_RUNS = 500;

    @Test
    void measure() throws Exception {
        KnowledgeBase base = KnowledgeBase.of(KnowledgeBaseLoader.readShipped());
        MiniLmEmbedder embedder = new MiniLmEmbedder(Integer.getInteger("embedding.threads", 1));
        long start = System.nanoTime();
        EmbeddingCache.Vectors vectors = new EmbeddingCache(Path.of("target/test-cache"), embedder.modelName())
                .vectors(base.entities().stream().map(Retriever::denseText).toList(), embedder);
        long embedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%nbase: %d entities; embeddings %d ms (%d computed, %.1f ms each)%n", base.size(), embedMs,
                vectors.computed(), vectors.computed() == 0 ? 0.0 : (double) embedMs / vectors.computed());

        try (Retriever retriever = new Retriever(base, embedder, vectors.vectors())) {
            List<LabelledQuery> queries = LabelledQuery.load();
            int usable = 0;
            int droppedIds = 0;
            double[] recall = new double[SearchMode.values().length];
            double[] ndcg = new double[SearchMode.values().length];
            double pitfallRecall = 0;
            int pitfallQueries = 0;
            for (LabelledQuery q : queries) {
                Set<String> relevant = new LinkedHashSet<>(q.relevant());
                relevant.removeIf(id -> base.find(id).isEmpty());
                droppedIds += q.relevant().size() - relevant.size();
                if (relevant.isEmpty()) {
                    continue;
                }
                usable++;
                for (SearchMode mode : SearchMode.values()) {
                    List<String> ranked = ids(retriever.search(new SearchRequest(q.text(), q.modality(), q.taskType(),
                            q.kind(), null, 10, mode)));
                    recall[mode.ordinal()] += RankingMetrics.recallAt(5, ranked, relevant);
                    ndcg[mode.ordinal()] += RankingMetrics.ndcgAt(10, ranked, relevant);
                }
                if ("pitfall".equals(q.kind())) {
                    pitfallQueries++;
                    pitfallRecall += RankingMetrics.recallAt(5, ids(retriever.matchPitfalls(q.text(), 5)), relevant);
                }
            }
            System.out.printf("labelled queries: %d of %d usable (%d labelled ids not in the base yet)%n",
                    usable, queries.size(), droppedIds);
            System.out.printf("%-8s %9s %8s%n", "mode", "recall@5", "nDCG@10");
            for (SearchMode mode : SearchMode.values()) {
                System.out.printf("%-8s %9.3f %8.3f%n", mode.name().toLowerCase(), recall[mode.ordinal()] / usable,
                        ndcg[mode.ordinal()] / usable);
            }
            System.out.printf("pitfalls/match over %d traceback queries: recall@5 %.3f%n", pitfallQueries,
                    pitfallQueries == 0 ? 0 : pitfallRecall / pitfallQueries);

            double[] hybridMs = latencies(retriever, queries, SearchMode.HYBRID);
            double[] bm25Ms = latencies(retriever, queries, SearchMode.BM25);
            System.out.printf("warm latency over %d queries, ms: hybrid p50 %.2f p99 %.2f | bm25 p50 %.2f p99 %.2f%n",
                    LATENCY_RUNS, percentile(hybridMs, 50), percentile(hybridMs, 99), percentile(bm25Ms, 50),
                    percentile(bm25Ms, 99));

            double hybrid = ndcg[SearchMode.HYBRID.ordinal()];
            assertTrue(hybrid > ndcg[SearchMode.BM25.ordinal()] && hybrid > ndcg[SearchMode.DENSE.ordinal()],
                    "hybrid nDCG@10 must beat BM25 and dense alone");
        }
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.entity().id()).toList();
    }

    private static double[] latencies(Retriever retriever, List<LabelledQuery> queries, SearchMode mode) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < LATENCY_WARMUP + LATENCY_RUNS; i++) {
            LabelledQuery q = queries.get(i % queries.size());
            long start = System.nanoTime();
            retriever.search(new SearchRequest(q.text(), q.modality(), q.taskType(), q.kind(), null, 10, mode));
            if (i >= LATENCY_WARMUP) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        return ms.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
