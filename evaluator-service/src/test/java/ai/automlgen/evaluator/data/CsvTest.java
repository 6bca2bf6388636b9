package ai.automlgen.evaluator.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipException;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTest {
    @TempDir
    Path temp;

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void fileThatIsNotGzipDespiteItsNameIsClosedAfterTheError() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc/self/fd (Linux)");
        Path notGzip = Files.writeString(temp.resolve("answers.csv.gz"), "id,value\n1,0.5\n");
        long before = openFileDescriptors();
        for (int i = 0; i < 100; i++) {
            assertThrows(ZipException.class, () -> Csv.open(notGzip));
        }
        long leaked = openFileDescriptors() - before;
        assertTrue(leaked < 10, leaked + " file descriptors left open by 100 failed opens");
    }
}
