package ai.automlgen.executor.host;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCommandTest {
    @Test
    void reportsExitCodeAndOutput() throws Exception {
        HostCommand.Result result = HostCommand.run(List.of("sh", "-c", "echo 0; echo warning >&2; exit 3"),
                Duration.ofSeconds(10));
        assertEquals(new HostCommand.Result(true, 3, "0\nwarning\n"), result);
        assertFalse(result.succeeded());
    }

    @Test
    void aCommandThatHangsWithItsOutputOpenIsKilledAtTheDeadline() throws Exception {
        long start = System.nanoTime();
        HostCommand.Result result = HostCommand.run(List.of("sh", "-c", "echo probing; sleep 60"), Duration.ofMillis(500));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "waited for the hung command");
        assertEquals(new HostCommand.Result(false, -1, "probing\n"), result);
    }

    @Test
    void aMissingCommandCannotStart() {
        assertThrows(IOException.class, () -> HostCommand.run(List.of("automlgen-no-such-command"), Duration.ofSeconds(1)));
    }
}
