package ai.automlgen.executor.sandbox;

import ai.automlgen.events.Outcome;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutcomeClassifierTest {
    private static final SandboxLimits LIMITS = new SandboxLimits(64, 100, 64, 100, 100);

    private static OutcomeClassifier.Classified classify(int exit, boolean timedOut, boolean oom, String stderr) {
        return OutcomeClassifier.classify(exit, timedOut, oom, stderr, LIMITS, 2048);
    }

    @Test
    void exitZeroIsOk() {
        assertEquals(Outcome.OK, classify(0, false, false, "").outcome());
    }

    @Test
    void tracebackIsErrorNamingTheException() {
        var c = classify(1, false, false, "Traceback (most recent call last):\n  File \"x\"\nKeyError: 'label'\n");
        assertEquals(Outcome.ERROR, c.outcome());
        assertEquals("exited 1: KeyError: 'label'", c.detail());
    }

    @Test
    void timeoutWinsOverTheKillSignal() {
        assertEquals(Outcome.TIMEOUT, classify(137, true, false, "").outcome());
    }

    @Test
    void memoryErrorIsOutOfMemory() {
        assertEquals(Outcome.OUT_OF_MEMORY, classify(1, false, false, "Traceback\nMemoryError\n").outcome());
    }

    @Test
    void dockerOomKillIsOutOfMemory() {
        assertEquals(Outcome.OUT_OF_MEMORY, classify(137, false, true, "").outcome());
    }

    @Test
    void fileTooLargeIsKilledAtTheFileSizeLimit() {
        var c = classify(1, false, false, "OSError: [Errno 27] File too large\n");
        assertEquals(Outcome.KILLED, c.outcome());
        assertEquals("hit the file size limit of 100 MB: OSError: [Errno 27] File too large", c.detail());
    }

    @Test
    void forkFailureIsKilledAtTheProcessLimit() {
        var c = classify(1, false, false, "BlockingIOError: [Errno 11] Resource temporarily unavailable\n");
        assertEquals(Outcome.KILLED, c.outcome());
    }

    @Test
    void sigxcpuIsKilledAtTheCpuTimeLimit() {
        var c = classify(128 + 24, false, false, "");
        assertEquals(Outcome.KILLED, c.outcome());
        assertEquals("killed at its CPU time limit (SIGXCPU)", c.detail());
    }

    @Test
    void otherSignalsAreKilledNamingTheSignal() {
        var c = classify(128 + 15, false, false, "");
        assertEquals(Outcome.KILLED, c.outcome());
        assertEquals("killed by signal 15", c.detail());
    }
}
