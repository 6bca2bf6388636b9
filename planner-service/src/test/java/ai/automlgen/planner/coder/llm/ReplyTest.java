package ai.automlgen.planner.coder.llm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReplyTest {

    @Test
    void planIsTheFirstLineOfProseAndCodeTheFencedPythonBlock() {
        Reply reply = Reply.parse("""
                **Plan:** gradient boosting on the raw columns

                ```python
                import pandas as pd
                print("ok")
                ```
                """);

        assertEquals("gradient boosting on the raw columns", reply.plan());
        assertEquals(Optional.of("import pandas as pd\nprint(\"ok\")\n"), reply.code());
        assertEquals(List.of(), reply.patches());
    }

    @Test
    void theLongestPythonBlockIsTheScriptAndOtherLanguagesAreNot() {
        Reply reply = Reply.parse("""
                Plan: a linear model
                ```bash
                pip install something-long-enough-to-be-the-longest-block-if-it-counted
                ```
                ```py
                x = 1
                ```
                ```python
                import numpy as np
                y = np.zeros(3)
                ```
                """);

        assertEquals(Optional.of("import numpy as np\ny = np.zeros(3)\n"), reply.code());
    }

    @Test
    void anAnswerWithoutAFencedBlockHasNoCode() {
        Reply reply = Reply.parse("I would train a random forest with 500 trees.");

        assertEquals(Optional.empty(), reply.code());
        assertEquals("I would train a random forest with 500 trees.", reply.plan());
    }

    @Test
    void searchReplaceBlocksAreReadInOrderEvenInsideFences() {
        Reply reply = Reply.parse("""
                - raise the depth and the learning rate
                ```python
                <<<<<<< SEARCH
                max_depth=4
                =======
                max_depth=6
                >>>>>>> REPLACE
                ```
                <<<<<<< SEARCH
                lr = 0.05
                =======
                lr = 0.1
                >>>>>>> REPLACE
                """);

        assertEquals("raise the depth and the learning rate", reply.plan());
        assertEquals(List.of(new Patch("max_depth=4\n", "max_depth=6\n"), new Patch("lr = 0.05\n", "lr = 0.1\n")),
                reply.patches());
        assertEquals(Optional.empty(), reply.code()); // the fence held only a patch
    }

    @Test
    void aReplaceWithNothingDeletesTheLines() {
        Reply reply = Reply.parse("""
                drop the debug print
                <<<<<<< SEARCH
                print(df.head())
                =======
                >>>>>>> REPLACE
                """);

        assertEquals(List.of(new Patch("print(df.head())\n", "")), reply.patches());
    }

    @Test
    void aFenceIndentedInAListItemIsReadWithoutTheIndentation() {
        Reply reply = Reply.parse("""
                1. Plan: a random forest
                2. The script:
                   ```python
                   import pandas as pd
                   for c in cols:
                       print(c)
                   ```
                """);

        assertEquals(Optional.of("import pandas as pd\nfor c in cols:\n    print(c)\n"), reply.code());
    }

    @Test
    void searchReplaceMarkersIndentedInAListItemAreRead() {
        Reply reply = Reply.parse("""
                - deeper trees:
                  <<<<<<< SEARCH
                  def fit():
                      model = XGBClassifier(max_depth=4)
                  =======
                  def fit():
                      model = XGBClassifier(max_depth=6)
                  >>>>>>> REPLACE
                """);

        assertEquals(List.of(new Patch("def fit():\n    model = XGBClassifier(max_depth=4)\n",
                "def fit():\n    model = XGBClassifier(max_depth=6)\n")), reply.patches());
    }

    @Test
    void theLastCompleteScriptWinsOverALongerEarlierOne() {
        Reply reply = Reply.parse("""
                Plan: a forest, then the fixed version
                ```python
                import pandas as pd
                # a first version with a long comment that makes this block the longest of the answer by far
                pd.DataFrame().to_csv("output/submission.csv")
                ```
                A helper you could add:
                ```python
                def helper_that_is_long_but_not_a_script(x): return x * 2 + 1 - 1 + 1 - 1 + 1 - 1 + 1 - 1 + 1 - 1 + 1
                ```
                The fixed script:
                ```python
                import pandas as pd
                pd.DataFrame().to_csv("output/submission.csv", index=False)
                ```
                """);

        assertEquals(Optional.of("import pandas as pd\npd.DataFrame().to_csv(\"output/submission.csv\", index=False)\n"),
                reply.code());
    }

    @Test
    void anEmptyAnswerHasNoPlanAndNoCode() {
        Reply reply = Reply.parse("   \n");

        assertNull(reply.plan());
        assertEquals(Optional.empty(), reply.code());
    }
}
