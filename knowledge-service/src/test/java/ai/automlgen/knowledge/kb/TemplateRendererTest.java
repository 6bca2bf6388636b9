package ai.automlgen.knowledge.kb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemplateRendererTest {
    private static Hyperparameter hp(String name, Object dflt) {
        return new Hyperparameter(name, "choice", null, null, dflt, List.of(dflt == null ? "x" : dflt), false);
    }

    @Test
    void defaultsBecomePythonLiterals() {
        String rendered = TemplateRenderer.render(
                "f(a={{a}}, b={{ b }}, c={{c}}, d={{d}}, e={{e}}, g={{g}})",
                List.of(hp("a", true), hp("b", false), hp("c", null), hp("d", "hist"), hp("e", 6L), hp("g", 0.05)));
        assertEquals("f(a=True, b=False, c=None, d='hist', e=6, g=0.05)", rendered);
    }

    @Test
    void stringsAreQuotedWithEscapes() {
        assertEquals("'it\\'s a\\\\b'", TemplateRenderer.pythonLiteral("it's a\\b"));
    }

    @Test
    void wholeFloatsStayFloats() {
        assertEquals("1.0", TemplateRenderer.pythonLiteral(1.0));
        assertEquals("1.0E-5", TemplateRenderer.pythonLiteral(1e-5));
    }

    @Test
    void unknownPlaceholderIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TemplateRenderer.render("x = {{depth}}", List.of(hp("max_depth", 6L))));
        assertEquals("placeholder {{depth}} names no hyperparameter", e.getMessage());
    }

    @Test
    void placeholdersAreListedOnceInOrder() {
        assertEquals(List.of("b", "a"), List.copyOf(TemplateRenderer.placeholders("{{b}} {{a}} {{b}}")));
    }
}
