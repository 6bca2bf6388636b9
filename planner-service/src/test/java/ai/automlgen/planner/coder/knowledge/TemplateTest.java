package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateTest {

    @Test
    void fillReplacesEveryPlaceholder() {
        assertEquals("a = 1\nb = \"x\"", Template.fill("a = {{first}}\nb = {{second}}", Map.of("first", "1", "second", "\"x\"")));
    }

    @Test
    void placeholderWithoutValueFailsAndNamesIt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Template.fill("{{missing}}", Map.of()));
        assertTrue(error.getMessage().contains("{{missing}}"), error.getMessage());
    }

    @Test
    void valueWithoutPlaceholderFails() {
        assertThrows(IllegalArgumentException.class, () -> Template.fill("nothing here", Map.of("extra", "1")));
    }

    @Test
    void replacementTextIsTakenLiterally() {
        assertEquals("s = \"$1\\\\n\"", Template.fill("s = {{v}}", Map.of("v", "\"$1\\\\n\"")));
    }

    @Test
    void pythonLiteralsCoverSpecValues() {
        assertEquals("None", PythonLiteral.of(null));
        assertEquals("True", PythonLiteral.of(true));
        assertEquals("0.001", PythonLiteral.of(1e-3));
        assertEquals("1.0e-5", PythonLiteral.of(1e-5));
        assertEquals("[32, 64]", PythonLiteral.of(List.of(32, 64)));
        assertEquals("{\"C\": 4.0}", PythonLiteral.of(Map.of("C", 4.0)));
        assertEquals("\"say \\\"hi\\\"\\n\"", PythonLiteral.of("say \"hi\"\n"));
    }

    @Test
    void sharedCodeIsNamedOnRequiresLinesAndExists() {
        assertEquals(List.of("encoder/minilm.py", "x/y.py"), Template.requirements("# requires: encoder/minilm.py\n# requires: x/y.py\nimport torch\n"));
        assertEquals(List.of(), Template.requirements("import torch  # requires: nothing\n"));
        for (String template : List.of("feature/phrase_embeddings.py", "model/span_encoder.py", "model/pair_encoder.py")) {
            List<String> needed = Template.requirements(Template.load(template));
            assertEquals(List.of("encoder/minilm.py"), needed, template);
            assertTrue(Template.load(needed.get(0)).contains("class MiniLM("), template);
        }
    }

    @Test
    void everyComponentTemplateRegistersUnderItsOwnId() {
        for (String id : List.of("model.xgboost", "model.nb_svm", "model.small_cnn", "model.span_encoder", "model.pair_encoder", "feature.tfidf_char", "feature.geometry_xyz",
                "feature.pixel_neighbourhood", "feature.span_token_features", "feature.shape_region_props", "preprocessing.median_imputer")) {
            String[] parts = id.split("\\.");
            String text = Template.load(parts[0] + "/" + parts[1] + ".py");
            assertTrue(text.contains("[\"" + id + "\"]"), id + " template does not register itself");
        }
    }
}
