package ai.automlgen.executor.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogCaptureTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shortOutputIsKeptWhole() {
        LogCapture capture = new LogCapture(4, 4);
        capture.drain(new ByteArrayInputStream(bytes("abcdef")));
        assertEquals("abcdef", capture.text());
        assertEquals(6, capture.totalBytes());
    }

    @Test
    void longOutputKeepsHeadAndTailAndSaysHowMuchWasLeftOut() {
        LogCapture capture = new LogCapture(3, 4);
        capture.drain(new ByteArrayInputStream(bytes("0123456789ABCDEF")));
        assertEquals("012\n…[9 bytes left out]…\nCDEF", capture.text());
        assertEquals(16, capture.totalBytes());
    }

    @Test
    void tailIsRightAcrossManySmallWrites() {
        LogCapture capture = new LogCapture(2, 3);
        for (char c : "abcdefghij".toCharArray()) {
            capture.write(new byte[]{(byte) c}, 0, 1);
        }
        assertEquals("ab\n…[5 bytes left out]…\nhij", capture.text());
    }
}
