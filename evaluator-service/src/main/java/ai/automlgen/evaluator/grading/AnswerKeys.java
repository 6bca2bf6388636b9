package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.metrics.Metric;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recently read answer keys (a run's validation labels, a task's sample and private answers are read
 * for every execution). Held by soft references, so a tight heap drops them instead of failing;
 * a file that changed on disk (size or modification time) is read again.
 */
final class AnswerKeys {
    private static final int ENTRIES = 4;

    private record Key(Path file, long size, long modified, String idColumn, List<String> scored, Metric.Input input) {
    }

    private static final Map<Key, SoftReference<AnswerKey>> CACHE = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SoftReference<AnswerKey>> eldest) {
            return size() > ENTRIES;
        }
    };

    private AnswerKeys() {
    }

    /** Ids and truth of {@code scored}; {@code input} null for ids only. */
    static AnswerKey get(Path file, String idColumn, List<String> scored, Metric.Input input) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Key key = new Key(absolute, Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis(), idColumn,
                input == null ? List.of() : List.copyOf(scored), input);
        synchronized (CACHE) {
            SoftReference<AnswerKey> cached = CACHE.get(key);
            AnswerKey answers = cached == null ? null : cached.get();
            if (answers != null) {
                return answers;
            }
        }
        AnswerKey answers = input == null ? AnswerKey.idsOf(absolute, idColumn) : AnswerKey.read(absolute, idColumn, scored, input);
        synchronized (CACHE) {
            CACHE.put(key, new SoftReference<>(answers));
        }
        return answers;
    }
}
