package ai.automlgen.evaluator.grading;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdColumnTest {

    @Test
    void emptyFirstIdIsKept() {
        IdColumn ids = new IdColumn();
        ids.add("");
        ids.add("a");
        assertEquals("", ids.get(0));
        assertEquals("a", ids.get(1));
    }

    @Test
    void emptyIdAfterAFullChunkIsKept() {
        IdColumn ids = new IdColumn();
        ids.add("x".repeat(1 << 20));
        ids.add("");
        assertEquals("", ids.get(1));
    }
}
