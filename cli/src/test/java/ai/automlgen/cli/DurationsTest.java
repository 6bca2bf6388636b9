package ai.automlgen.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DurationsTest {

    @Test
    void readsShortFormsAndIso() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofMinutes(10), Durations.parse("PT10M"));
    }

    @Test
    void anIsoDurationWithoutAUnitIsAUserErrorNamingIt() {
        CliException e = assertThrows(CliException.class, () -> Durations.parse("PT10"));
        assertEquals("cannot read the duration 'PT10': write ISO-8601 with a unit after each number, e.g. PT10M or "
                + "PT1H30M, or simply 10m, 1h30m", e.getMessage());
    }

    @Test
    void aShortFormWithoutAUnitIsAUserErrorNamingIt() {
        CliException e = assertThrows(CliException.class, () -> Durations.parse("10"));
        assertEquals("cannot read the duration '10': write e.g. 90s, 10m, 1h30m", e.getMessage());
    }
}
