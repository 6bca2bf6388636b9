package ai.automlgen.planner.coder.llm;

import java.util.List;

/**
 * Applies SEARCH/REPLACE blocks to a script, in order, each to the result of the ones before. A block applies when
 * its search text occurs exactly once (whole lines, as written); one that occurs nowhere or in several places
 * fails the whole patch rather than editing a guessed place.
 */
public final class Patches {
    private Patches() {
    }

    /** The patched script, or why a block did not apply. */
    public sealed interface Result {
    }

    public record Applied(String code) implements Result {
    }

    public record Failed(String reason) implements Result {
    }

    public static Result apply(String code, List<Patch> patches) {
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("no SEARCH/REPLACE blocks to apply");
        }
        String patched = code.endsWith("\n") ? code : code + "\n";
        for (int i = 0; i < patches.size(); i++) {
            Patch patch = patches.get(i);
            String block = "SEARCH/REPLACE block " + (i + 1) + " of " + patches.size();
            if (patch.search().isBlank()) {
                return new Failed(block + " has an empty SEARCH part");
            }
            String search = patch.search().endsWith("\n") ? patch.search() : patch.search() + "\n";
            int at = wholeLines(patched, search, 0);
            if (at < 0) {
                return new Failed(block + " does not match the script: its SEARCH lines are not in it exactly ("
                        + firstLine(search) + ")");
            }
            if (wholeLines(patched, search, at + 1) >= 0) {
                return new Failed(block + " matches several places in the script (" + firstLine(search) + ")");
            }
            String replace = patch.replace().isEmpty() || patch.replace().endsWith("\n") ? patch.replace()
                    : patch.replace() + "\n";
            patched = patched.substring(0, at) + replace + patched.substring(at + search.length());
        }
        return new Applied(patched);
    }

    /**
     * Where {@code search} (whole lines, ending in a newline) next occurs from {@code from} starting at a line's start;
     * -1 if nowhere. A match inside a line would splice the replacement into it at the wrong indentation.
     */
    private static int wholeLines(String code, String search, int from) {
        for (int at = code.indexOf(search, from); at >= 0; at = code.indexOf(search, at + 1)) {
            if (at == 0 || code.charAt(at - 1) == '\n') {
                return at;
            }
        }
        return -1;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
