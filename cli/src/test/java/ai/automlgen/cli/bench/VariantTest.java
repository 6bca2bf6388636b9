package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariantTest {

    @Test
    void knownAblationsAreLookedUpByName() {
        assertEquals(Map.of("search.fusion", "false"), Variant.named(" no-fusion ").params());
        assertEquals(Variant.FULL, Variant.named("full"));
    }

    @Test
    void aVariantCanBeWrittenAsTheRunParamsItSets() {
        Variant variant = Variant.named("search.branch-stagnation=3+search.global-stagnation=8");
        assertEquals("search.branch-stagnation=3+search.global-stagnation=8", variant.name());
        assertEquals(Map.of("search.branch-stagnation", "3", "search.global-stagnation", "8"), variant.params());
    }

    @Test
    void aMalformedOrUnknownVariantSaysHowToWriteOne() {
        for (String bad : new String[]{"search.branch-stagnation=", "=3", "a=1+b", "a=1+a=2"}) {
            CliException e = assertThrows(CliException.class, () -> Variant.named(bad), bad);
            assertTrue(e.getMessage().contains("key=value"), e.getMessage());
        }
        CliException unknown = assertThrows(CliException.class, () -> Variant.named("no-fusoin"));
        assertTrue(unknown.getMessage().contains("no-fusion") && unknown.getMessage().contains("key=value"), unknown.getMessage());
    }
}
