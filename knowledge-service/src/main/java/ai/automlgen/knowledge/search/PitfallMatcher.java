package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;
import ai.automlgen.knowledge.kb.EntityReader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches traceback text against pitfall error signatures. The final exception sits at the end of
 * a traceback, so a pitfall matching later in the text ranks first; among equal positions the
 * longer (more specific) signature wins.
 */
public final class PitfallMatcher {
    private record Signature(int ordinal, Pattern pattern, int length) {
    }

    /** A pitfall whose signature matched, with where its last match ends and the matched signature's length. */
    public record SignatureMatch(int ordinal, int end, int specificity) {
    }

    private final List<Signature> signatures = new ArrayList<>();

    /** @param entities the whole base, by ordinal; only pitfalls are taken */
    public PitfallMatcher(List<Entity> entities) {
        for (int ordinal = 0; ordinal < entities.size(); ordinal++) {
            for (String signature : entities.get(ordinal).errorSignatures()) {
                signatures.add(new Signature(ordinal, EntityReader.compileSignature(signature), signature.length()));
            }
        }
    }

    /** Matching pitfalls, best first, each once. */
    public List<SignatureMatch> match(String traceback) {
        List<SignatureMatch> best = new ArrayList<>();
        for (Signature signature : signatures) {
            Matcher m = signature.pattern().matcher(traceback);
            int end = -1;
            while (m.find()) {
                end = m.end();
            }
            if (end < 0) {
                continue;
            }
            SignatureMatch match = new SignatureMatch(signature.ordinal(), end, signature.length());
            best.removeIf(b -> b.ordinal() == match.ordinal() && rank().compare(match, b) < 0);
            if (best.stream().noneMatch(b -> b.ordinal() == match.ordinal())) {
                best.add(match);
            }
        }
        best.sort(rank());
        return best;
    }

    private static Comparator<SignatureMatch> rank() {
        return Comparator.comparingInt(SignatureMatch::end).reversed()
                .thenComparing(Comparator.comparingInt(SignatureMatch::specificity).reversed());
    }

    /** The last lines of a traceback, where the exception type and message are. */
    public static String tail(String traceback, int lines) {
        List<String> all = traceback.strip().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
