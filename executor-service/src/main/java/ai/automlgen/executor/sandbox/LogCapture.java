package ai.automlgen.executor.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code headBytes} and the last {@code tailBytes} of a stream and counts all of
 * it, so a script printing gigabytes costs a few kilobytes of memory and still reports its size.
 * Writes come from one thread; reads happen after it finished.
 */
public final class LogCapture {
    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private long total;

    public LogCapture(int headBytes, int tailBytes) {
        this.head = new byte[headBytes];
        this.tail = new byte[tailBytes];
    }

    public synchronized void write(byte[] bytes, int offset, int length) {
        total += length;
        int toHead = Math.min(length, head.length - headLength);
        System.arraycopy(bytes, offset, head, headLength, toHead);
        headLength += toHead;
        int from = offset + toHead;
        int rest = length - toHead;
        if (rest > tail.length) {
            // Only the last tail.length bytes of this chunk can survive; skip the rest.
            tailWritten += rest - tail.length;
            from += rest - tail.length;
            rest = tail.length;
        }
        for (int i = from; i < from + rest; i++) {
            tail[(int) (tailWritten++ % tail.length)] = bytes[i];
        }
    }

    /** Reads {@code in} to its end. */
    public void drain(InputStream in) {
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A killed process closes its pipe mid-read; what was read so far is the log.
            if (!"Stream closed".equals(e.getMessage())) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized long totalBytes() {
        return total;
    }

    /** Head, then a marker with the number of bytes left out, then tail; the whole text when it fit. */
    public synchronized String text() {
        String headText = new String(head, 0, headLength, StandardCharsets.UTF_8);
        if (tailWritten == 0) {
            return headText;
        }
        int tailLength = (int) Math.min(tailWritten, tail.length);
        byte[] ordered = new byte[tailLength];
        int start = (int) (tailWritten % tail.length);
        if (tailWritten <= tail.length) {
            System.arraycopy(tail, 0, ordered, 0, tailLength);
        } else {
            System.arraycopy(tail, start, ordered, 0, tail.length - start);
            System.arraycopy(tail, 0, ordered, tail.length - start, start);
        }
        long skipped = tailWritten - tailLength;
        String marker = skipped > 0 ? "\n…[" + skipped + " bytes left out]…\n" : "";
        return headText + marker + new String(ordered, StandardCharsets.UTF_8);
    }
}
