package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchSettingsTest {
    private static final BenchSettings FIRST = new BenchSettings("/bench", Duration.ofMinutes(20), null, null, 2);

    @TempDir
    Path out;

    @Test
    void theFirstRunRecordsItsSettingsAndTheSameSettingsResume() {
        FIRST.recordOrCheck(out);
        assertTrue(Files.isRegularFile(out.resolve("bench.json")));
        assertDoesNotThrow(() -> new BenchSettings("/bench", Duration.parse("PT20M"), null, null, 2).recordOrCheck(out));
    }

    @Test
    void otherSettingsAreRefusedNamingEachDifferenceAndTheFix() {
        FIRST.recordOrCheck(out);
        CliException e = assertThrows(CliException.class,
                () -> new BenchSettings("/bench", Duration.ofMinutes(10), null, "builtin", 2).recordOrCheck(out));
        assertEquals(out + " holds a bench made with other settings (--budget PT20M there, PT10M now; --coder the "
                + "planner's default there, builtin now), and its results would not compare with this one's: use a "
                + "new --out, or the settings in " + out.resolve("bench.json"), e.getMessage());
    }

    @Test
    void anUnreadableSettingsFileIsAUserError() throws Exception {
        Files.writeString(out.resolve("bench.json"), "{\"budget\": ");
        CliException e = assertThrows(CliException.class, () -> FIRST.recordOrCheck(out));
        assertTrue(e.getMessage().startsWith("cannot read " + out.resolve("bench.json")), e.getMessage());
    }
}
