package ai.automlgen.evaluator.metrics;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Metrics over free text and ranked lists: word-level Jaccard and MAP@k. */
final class TextOverlap {
    private TextOverlap() {
    }

    /**
     * Mean over rows of the word-level Jaccard index (Tweet Sentiment Extraction): both strings
     * lower-cased, split on whitespace, compared as sets; two empty strings score 0.5 as in Kaggle's metric.
     */
    static double jaccardWordMean(String[][] truth, String[][] predicted) {
        String[] y = truth[0];
        String[] p = predicted[0];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += jaccard(y[i], p[i]);
        }
        return sum / y.length;
    }

    static double jaccard(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 0.5;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    /** Python's str.lower().split(): any Unicode whitespace separates words. */
    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        String s = text == null ? "" : text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean space = i == s.length() || Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i));
            if (space && start >= 0) {
                words.add(s.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }

    /**
     * Mean average precision at k: truth is one relevant label per row, the prediction a
     * space-separated ranked list; repeated guesses count once (Kaggle's apk).
     */
    static double mapAtK(String[][] truth, String[][] predicted, int k) {
        String[] y = truth[0];
        String[] p = predicted[0];
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            String relevant = y[i].strip();
            LinkedHashSet<String> seen = new LinkedHashSet<>();
            String[] guesses = p[i].strip().isEmpty() ? new String[0] : p[i].strip().split("\\s+");
            for (int r = 0; r < Math.min(k, guesses.length); r++) {
                if (guesses[r].equals(relevant) && !seen.contains(guesses[r])) {
                    sum += 1.0 / (r + 1);
                    break;
                }
                seen.add(guesses[r]);
            }
        }
        return sum / y.length;
    }
}
