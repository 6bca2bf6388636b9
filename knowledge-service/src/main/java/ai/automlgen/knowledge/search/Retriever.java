package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;
import ai.automlgen.knowledge.kb.KnowledgeBase;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Answers searches and traceback lookups over one immutable knowledge base. */
public final class Retriever implements AutoCloseable {
    /** How deep each ranking goes before fusion. */
    static final int FUSION_DEPTH = 100;
    /** Lines from the end of a traceback that the BM25 fallback reads. */
    static final int TRACEBACK_TAIL_LINES = 12;

    private final KnowledgeBase base;
    private final List<Entity> entities;
    private final Bm25Index bm25;
    private final DenseIndex dense;
    private final Embedder embedder;
    private final PitfallMatcher pitfalls;

    /** @param vectors one unit vector per entity of the base, in order */
    public Retriever(KnowledgeBase base, Embedder embedder, List<float[]> vectors) {
        if (vectors.size() != base.size()) {
            throw new IllegalArgumentException(vectors.size() + " vectors for " + base.size() + " entities");
        }
        this.base = base;
        this.entities = base.entities();
        this.embedder = embedder;
        this.bm25 = new Bm25Index(entities);
        this.dense = new DenseIndex(vectors);
        this.pitfalls = new PitfallMatcher(entities);
    }

    /** The text an entity is embedded from: what it is and when it wins. */
    public static String denseText(Entity entity) {
        StringBuilder text = new StringBuilder(entity.title()).append(". ").append(entity.summary());
        if (!entity.whenToUse().isEmpty()) {
            text.append(" Use when: ").append(entity.whenToUse());
        }
        if (!entity.fix().isEmpty()) {
            text.append(" Fix: ").append(entity.fix());
        }
        if (!entity.tags().isEmpty()) {
            text.append(" Tags: ").append(String.join(", ", entity.tags()).replace('_', ' '));
        }
        return text.toString();
    }

    public KnowledgeBase base() {
        return base;
    }

    public List<Hit> search(SearchRequest request) {
        BitSet allowed = allowed(request);
        List<Scored> ranked = switch (request.mode()) {
            case BM25 -> bm25.search(request.text(), allowed, request.limit());
            case DENSE -> dense.search(embedder.embed(request.text()), allowed, request.limit());
            case HYBRID -> RankFusion.reciprocalRank(List.of(
                    bm25.search(request.text(), allowed, FUSION_DEPTH),
                    dense.search(embedder.embed(request.text()), allowed, FUSION_DEPTH)), RankFusion.K);
        };
        String matchedBy = request.mode().name().toLowerCase(Locale.ROOT);
        return ranked.stream().limit(request.limit())
                .map(s -> new Hit(entities.get(s.ordinal()), s.score(), matchedBy))
                .toList();
    }

    /**
     * Pitfalls for a traceback: those whose error signature matches first (score 1), then BM25 over
     * the traceback's last lines among the other pitfalls (score s / (1 + s), below 1).
     */
    public List<Hit> matchPitfalls(String traceback, int limit) {
        if (traceback == null || traceback.isBlank()) {
            throw new IllegalArgumentException("traceback is required: paste the error output (stderr) of the failed run");
        }
        if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is outside 1.." + SearchRequest.MAX_LIMIT);
        }
        List<Hit> hits = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PitfallMatcher.SignatureMatch match : pitfalls.match(traceback)) {
            seen.add(match.ordinal());
            hits.add(new Hit(entities.get(match.ordinal()), 1.0, "signature"));
            if (hits.size() >= limit) {
                return hits;
            }
        }
        BitSet others = new BitSet(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            if (entities.get(i).kind().equals("pitfall") && !seen.contains(i)) {
                others.set(i);
            }
        }
        for (Scored s : bm25.search(PitfallMatcher.tail(traceback, TRACEBACK_TAIL_LINES), others, limit - hits.size())) {
            hits.add(new Hit(entities.get(s.ordinal()), s.score() / (1 + s.score()), "bm25"));
        }
        return hits;
    }

    private BitSet allowed(SearchRequest request) {
        BitSet allowed = new BitSet(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            if (EntityFilter.matches(entities.get(i), request)) {
                allowed.set(i);
            }
        }
        return allowed;
    }

    @Override
    public void close() throws Exception {
        bm25.close();
    }
}
