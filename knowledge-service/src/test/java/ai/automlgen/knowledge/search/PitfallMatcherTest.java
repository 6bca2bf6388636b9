package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PitfallMatcherTest {
    private static Entity pitfall(String id, String... signatures) {
        return new Entity(id, "pitfall", "pitfall", id, List.of(), List.of(), "s", "", "", List.of(), List.of(), "",
                List.of(signatures), "fix it", List.of(), List.of(), "test");
    }

    private final PitfallMatcher matcher = new PitfallMatcher(List.of(
            EntityFilterTest.entity("model.a", "model", "model", List.of(), List.of()),
            pitfall("pitfall.key_error", "KeyError: '"),
            pitfall("pitfall.nan", "Input (X )?contains NaN", "ValueError: Input contains NaN, infinity")));

    @Test
    void finalExceptionRanksBeforeEarlierOnes() {
        String traceback = """
                Traceback (most recent call last):
                KeyError: 'price'
                During handling of the above exception, another exception occurred:
                ValueError: Input contains NaN, infinity or a value too large for dtype('float64').
                """;
        assertEquals(List.of(2, 1), matcher.match(traceback).stream().map(PitfallMatcher.SignatureMatch::ordinal).toList());
    }

    @Test
    void pitfallMatchingSeveralSignaturesAppearsOnce() {
        assertEquals(1, matcher.match("ValueError: Input contains NaN, infinity").size());
    }

    @Test
    void noSignatureNoMatch() {
        assertEquals(List.of(), matcher.match("MemoryError"));
    }

    @Test
    void tailKeepsTheLastLines() {
        assertEquals("c\nd", PitfallMatcher.tail("a\nb\nc\nd\n", 2));
    }
}
