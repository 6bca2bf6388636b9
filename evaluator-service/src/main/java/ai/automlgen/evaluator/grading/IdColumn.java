package ai.automlgen.evaluator.grading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A column of ids stored compactly as UTF-8 bytes in fixed-size chunks, so that millions of ids
 * (5.8M pixel ids for denoising) fit in a small heap: about (length + 4) bytes per id, no String objects.
 */
final class IdColumn {
    private static final int CHUNK = 1 << 20;
    private final List<byte[]> chunks = new ArrayList<>();
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private int size;
    /** Bytes used in the last chunk; CHUNK (full) before the first one exists. */
    private int used = CHUNK;

    void add(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > CHUNK) {
            throw new IllegalArgumentException("id longer than " + CHUNK + " bytes");
        }
        // even an empty id needs its start inside a chunk: none yet, or the last one full, takes a new one
        if (used == CHUNK || used + bytes.length > CHUNK) {
            chunks.add(new byte[CHUNK]);
            used = 0;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size + (size >> 1));
            lengths = Arrays.copyOf(lengths, starts.length);
        }
        System.arraycopy(bytes, 0, chunks.get(chunks.size() - 1), used, bytes.length);
        starts[size] = (chunks.size() - 1) * CHUNK + used;
        lengths[size] = bytes.length;
        used += bytes.length;
        size++;
    }

    int size() {
        return size;
    }

    String get(int i) {
        return new String(chunks.get(starts[i] / CHUNK), starts[i] % CHUNK, lengths[i], StandardCharsets.UTF_8);
    }

    boolean equalsAt(int i, byte[] id) {
        return Arrays.equals(chunks.get(starts[i] / CHUNK), starts[i] % CHUNK, starts[i] % CHUNK + lengths[i], id, 0, id.length);
    }

    /** Byte-wise comparison of the id at {@code i} here with the id at {@code j} in {@code other}. */
    int compare(int i, IdColumn other, int j) {
        return Arrays.compareUnsigned(chunks.get(starts[i] / CHUNK), starts[i] % CHUNK, starts[i] % CHUNK + lengths[i],
                other.chunks.get(other.starts[j] / CHUNK), other.starts[j] % CHUNK, other.starts[j] % CHUNK + other.lengths[j]);
    }

    /** Row indices ordered by id; equal ids keep their file order (a stable merge sort). */
    int[] sortedOrder() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] buffer = new int[size];
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    buffer[k++] = compare(order[b], this, order[a]) < 0 ? order[b++] : order[a++];
                }
                while (a < mid) {
                    buffer[k++] = order[a++];
                }
                while (b < hi) {
                    buffer[k++] = order[b++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }
}
