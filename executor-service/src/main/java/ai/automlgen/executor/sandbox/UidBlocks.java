package ai.automlgen.executor.sandbox;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blocks of host uids, each held by one executor process. Executors on one host (a second instance for
 * throughput, tests beside a running stack) would otherwise run code as the same uids, and one execution's final
 * {@code kill -1} would kill another executor's executions. A block is claimed with an OS file lock, which the
 * kernel releases when the process dies, however it dies; every sandbox in one process shares its block.
 */
final class UidBlocks {
    private static final Logger LOG = Logger.getLogger(UidBlocks.class);
    /** Blocks tried above the configured base; 16 blocks of 256 uids from 61000 stay below nobody (65534). */
    static final int MAX_BLOCKS = 16;
    private static final Path LOCK_DIR = Path.of(System.getProperty("java.io.tmpdir"), "automlgen-sandbox-uids");
    private static final Map<Integer, Integer> CLAIMED = new ConcurrentHashMap<>();
    // Held for the life of the process: a lock is released when its channel is closed or collected.
    private static final Map<Path, FileLock> LOCKS = new ConcurrentHashMap<>();

    private UidBlocks() {
    }

    /** The first base of a free block at or above {@code configuredBase}, claimed for this process. */
    static int claim(int configuredBase, int blockSize) {
        return CLAIMED.computeIfAbsent(configuredBase, base -> claimFree(LOCK_DIR, base, blockSize));
    }

    static int claimFree(Path lockDir, int configuredBase, int blockSize) {
        try {
            Files.createDirectories(lockDir);
            for (int block = 0; block < MAX_BLOCKS; block++) {
                int base = configuredBase + block * blockSize;
                Path lockFile = lockDir.resolve("uids-" + base + ".lock");
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    LOCKS.put(lockFile, lock);
                    if (block > 0) {
                        LOG.infof("sandbox uids %d+ are held by another executor on this host; using %d+", configuredBase, base);
                    }
                    return base;
                }
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim sandbox uids under " + lockDir + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException(MAX_BLOCKS + " executors on this host already hold the sandbox uids from "
                + configuredBase + "; stop one, or give this one another range (AUTOMLGEN_SANDBOX_UID_BASE)");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this very process holds it, for another configured base
        }
    }
}
