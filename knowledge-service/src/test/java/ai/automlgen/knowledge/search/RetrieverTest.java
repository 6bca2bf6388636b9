package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.EntityReader;
import ai.automlgen.knowledge.kb.KnowledgeBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Retrieval over a four-entity base with a stand-in embedder (no ONNX). */
class RetrieverTest {
    private static final String KB = """
            entities:
              - id: feature.tfidf_char
                kind: feature
                level: data
                title: Character n-gram TF-IDF
                modalities: [text]
                summary: Character n-grams weighted by tf-idf, robust to misspellings.
                when_to_use: Short noisy texts.
                when_to_avoid: Very long documents.
              - id: model.xgboost
                kind: model
                level: model
                title: XGBoost gradient boosting
                modalities: [tabular]
                summary: Boosted trees for tabular data.
                when_to_use: Tabular data.
                when_to_avoid: Raw pixels.
              - id: strategy.clip_probabilities
                kind: strategy
                level: strategy
                title: Clip probabilities for log loss
                modalities: []
                summary: Clip predicted probabilities away from 0 and 1.
                when_to_use: Log-loss metrics.
                when_to_avoid: Rank metrics.
              - id: pitfall.string_to_float
                kind: pitfall
                level: pitfall
                title: String passed to a numeric model
                summary: A categorical column reached the estimator.
                error_signatures: ["could not convert string to float"]
                fix: Encode categorical columns first.
              - id: pitfall.float_overflow
                kind: pitfall
                level: pitfall
                title: Float overflow
                summary: Values too large for float32.
                error_signatures: ["OverflowError"]
                fix: Scale the values.
            """;

    private final Retriever retriever = new Retriever(base(), new CountingEmbedder(),
            new CountingEmbedder().embedAll(base().entities().stream().map(Retriever::denseText).toList()));

    private static KnowledgeBase base() {
        return KnowledgeBase.of(List.of(EntityReader.read("kb/test.yaml", KB)));
    }

    private List<String> ids(String text, String modality, String kind, SearchMode mode) {
        return retriever.search(new SearchRequest(text, modality, null, kind, null, 10, mode)).stream()
                .map(h -> h.entity().id()).toList();
    }

    @AfterEach
    void close() throws Exception {
        retriever.close();
    }

    @Test
    void bm25FindsTheEntityByItsTitleWords() {
        assertEquals("feature.tfidf_char", ids("character tf-idf for misspellings", null, null, SearchMode.BM25).get(0));
    }

    @Test
    void modalityFilterKeepsEntitiesWithoutModalitiesAndDropsOthers() {
        assertEquals(java.util.Set.of("model.xgboost", "strategy.clip_probabilities", "pitfall.string_to_float",
                        "pitfall.float_overflow"),
                java.util.Set.copyOf(ids("clip probabilities", "tabular", null, SearchMode.DENSE)));
    }

    @Test
    void kindFilterExcludesOtherKinds() {
        assertEquals(List.of("model.xgboost"), ids("boosting trees", null, "model", SearchMode.HYBRID));
    }

    @Test
    void signatureMatchComesFirstWithScoreOne() {
        var hits = retriever.matchPitfalls("ValueError: could not convert string to float: 'male'", 5);
        assertEquals("pitfall.string_to_float", hits.get(0).entity().id());
        assertEquals("signature", hits.get(0).matchedBy());
        assertEquals(1.0, hits.get(0).score());
    }

    @Test
    void asManySignatureMatchesAsTheLimitLeaveNoRoomForBm25() {
        // BM25 alone would add pitfall.float_overflow ("float")
        var hits = retriever.matchPitfalls("ValueError: could not convert string to float: 'male'", 1);
        assertEquals(List.of("pitfall.string_to_float"), hits.stream().map(h -> h.entity().id()).toList());
    }

    @Test
    void tracebackWithoutSignatureFallsBackToBm25OverPitfallsOnly() {
        var hits = retriever.matchPitfalls("TypeError: categorical column reached the estimator", 5);
        assertEquals(List.of("pitfall.string_to_float"), hits.stream().map(h -> h.entity().id()).toList());
        assertEquals("bm25", hits.get(0).matchedBy());
    }
}
