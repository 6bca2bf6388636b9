package ai.automlgen.planner.coder.llm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchesTest {
    private static final String SCRIPT = """
            import pandas as pd
            model = XGBClassifier(max_depth=4)
            model.fit(X, y)
            """;

    @Test
    void aMatchingBlockReplacesItsLines() {
        Patches.Result result = Patches.apply(SCRIPT, List.of(new Patch("model = XGBClassifier(max_depth=4)\n",
                "model = XGBClassifier(max_depth=6)\n")));

        assertEquals(new Patches.Applied("""
                import pandas as pd
                model = XGBClassifier(max_depth=6)
                model.fit(X, y)
                """), result);
    }

    @Test
    void blocksApplyInOrderEachToTheResultOfTheOnesBefore() {
        Patches.Result result = Patches.apply(SCRIPT, List.of(
                new Patch("import pandas as pd\n", "import numpy as np\nimport pandas as pd\n"),
                new Patch("import numpy as np\n", "import numpy as np  # arrays\n")));

        assertEquals(new Patches.Applied("""
                import numpy as np  # arrays
                import pandas as pd
                model = XGBClassifier(max_depth=4)
                model.fit(X, y)
                """), result);
    }

    @Test
    void aBlockThatMatchesNothingFailsTheWholePatchAndSaysWhich() {
        Patches.Result result = Patches.apply(SCRIPT, List.of(
                new Patch("import pandas as pd\n", "import pandas\n"),
                new Patch("model = XGBClassifier(max_depth=5)\n", "model = XGBClassifier(max_depth=6)\n")));

        Patches.Failed failed = assertInstanceOf(Patches.Failed.class, result);
        assertEquals("SEARCH/REPLACE block 2 of 2 does not match the script: its SEARCH lines are not in it exactly "
                + "(model = XGBClassifier(max_depth=5))", failed.reason());
    }

    @Test
    void aBlockMatchingSeveralPlacesFailsRatherThanGuess() {
        Patches.Result result = Patches.apply("x = 1\nx = 1\n", List.of(new Patch("x = 1\n", "x = 2\n")));

        assertTrue(assertInstanceOf(Patches.Failed.class, result).reason().contains("matches several places"));
    }

    @Test
    void aSearchMatchingOnlyInsideALineDoesNotApply() {
        String loop = "for fold in folds:\n    model.fit(X, y)\n";

        Patches.Result result = Patches.apply(loop, List.of(new Patch("model.fit(X, y)\n", "model.fit(X, y)\nsave(model)\n")));

        assertTrue(assertInstanceOf(Patches.Failed.class, result).reason().contains("does not match"));
    }

    @Test
    void aSearchWithoutItsLastNewlineStillReplacesWholeLines() {
        Patches.Result result = Patches.apply(SCRIPT, List.of(new Patch("model.fit(X, y)", "model.fit(X, y, verbose=False)")));

        assertEquals(new Patches.Applied("""
                import pandas as pd
                model = XGBClassifier(max_depth=4)
                model.fit(X, y, verbose=False)
                """), result);
    }

    @Test
    void aScriptWithoutAFinalNewlineStillMatchesItsLastLine() {
        Patches.Result result = Patches.apply("a = 1\nb = 2", List.of(new Patch("b = 2\n", "b = 3\n")));

        assertEquals(new Patches.Applied("a = 1\nb = 3\n"), result);
    }
}
