package ai.automlgen.knowledge.search;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/** Exact cosine search over unit vectors; a few hundred entities need no approximate index. */
public final class DenseIndex {
    private final float[][] vectors;

    public DenseIndex(List<float[]> vectors) {
        this.vectors = vectors.toArray(float[][]::new);
    }

    public List<Scored> search(float[] query, BitSet allowed, int n) {
        List<Scored> result = new ArrayList<>();
        for (int ordinal = allowed.nextSetBit(0); ordinal >= 0 && ordinal < vectors.length;
             ordinal = allowed.nextSetBit(ordinal + 1)) {
            result.add(new Scored(ordinal, dot(query, vectors[ordinal])));
        }
        result.sort(Comparator.comparingDouble(Scored::score).reversed());
        return result.size() > n ? result.subList(0, n) : result;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The vector scaled to length 1 (a zero vector stays zero). */
    public static float[] normalized(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }
}
