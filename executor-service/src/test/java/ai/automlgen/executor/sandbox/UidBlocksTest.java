package ai.automlgen.executor.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UidBlocksTest {

    @Test
    void eachClaimGetsTheNextFreeBlock(@TempDir Path locks) {
        assertEquals(1000, UidBlocks.claimFree(locks, 1000, 10));
        assertEquals(1010, UidBlocks.claimFree(locks, 1000, 10));
        assertEquals(1020, UidBlocks.claimFree(locks, 1000, 10));
    }

    @Test
    void saysWhatToDoWhenEveryBlockIsHeld(@TempDir Path locks) {
        for (int i = 0; i < UidBlocks.MAX_BLOCKS; i++) {
            UidBlocks.claimFree(locks, 5000, 4);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> UidBlocks.claimFree(locks, 5000, 4));
        assertTrue(e.getMessage().contains("AUTOMLGEN_SANDBOX_UID_BASE"), e.getMessage());
    }
}
