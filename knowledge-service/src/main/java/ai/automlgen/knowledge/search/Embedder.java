package ai.automlgen.knowledge.search;

import java.util.List;

/** Port: text → unit-length embedding vector. */
public interface Embedder {
    /** Names the model, so cached vectors of another model are never reused. */
    String modelName();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);
}
