package ai.automlgen.knowledge.search;

import java.util.List;
import java.util.Locale;

/** A deterministic stand-in for the ONNX model: hashed bag of words, counting the texts it embeds. */
final class CountingEmbedder implements Embedder {
    private static final int DIMENSION = 64;
    int embedded;

    @Override
    public String modelName() {
        return "counting";
    }

    @Override
    public float[] embed(String text) {
        embedded++;
        float[] vector = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
            }
        }
        return DenseIndex.normalized(vector);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
