package ai.automlgen.cli.bench.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TinyTaskTest {

    @Test
    void theSameSeedWritesTheSameRows() {
        assertEquals(TinyTask.rows(7), TinyTask.rows(7));
    }

    @Test
    void testFeaturesArePublicAndTheirLabelsPrivate(@TempDir Path dir) throws IOException {
        TinyTask.write(dir, 1);
        List<String> test = Files.readAllLines(dir.resolve("public/test.csv"));
        List<String> labels = Files.readAllLines(dir.resolve("private/test.csv"));
        assertEquals("id,f1,f2,f3,f4", test.get(0));
        assertEquals(TinyTask.TEST_ROWS + 1, test.size());
        assertEquals("id,label", labels.get(0));
        assertEquals(test.get(1).split(",")[0], labels.get(1).split(",")[0]);
        assertFalse(Files.readString(dir.resolve("public/train.csv")).contains(test.get(1).split(",")[0] + ","));
    }
}
