package ai.automlgen.executor.artifacts;

import ai.automlgen.events.ArtifactRef;
import ai.automlgen.events.CodeRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileArtifactStoreTest {
    @TempDir
    Path temp;

    @Test
    void collectsOutputFilesUnderRunAndNodeWithSizeAndSha256() throws IOException {
        Path output = Files.createDirectories(temp.resolve("output/models"));
        Files.writeString(temp.resolve("output/submission.csv"), "id,y\n1,0\n");
        Files.writeString(output.resolve("m.txt"), "weights");
        ArtifactStore.Collected collected = new FileArtifactStore(temp.resolve("store"), 1000, 1000)
                .collect("run-1", "node-7", temp.resolve("output"));
        ArtifactRef submission = collected.artifacts().get(1);
        assertEquals(List.of("models/m.txt", "submission.csv"), collected.artifacts().stream().map(ArtifactRef::name).toList());
        assertEquals(9, submission.sizeBytes());
        assertEquals(CodeRef.sha256("id,y\n1,0\n"), submission.sha256());
        assertEquals(temp.resolve("store/run-1/node-7/submission.csv"), Path.of(URI.create(submission.uri())));
        assertEquals("id,y\n1,0\n", Files.readString(Path.of(URI.create(submission.uri()))));
    }

    @Test
    void filesOverTheCapsAreLeftOutAndNamed() throws IOException {
        Path output = Files.createDirectories(temp.resolve("output"));
        Files.write(output.resolve("a.bin"), new byte[60]);
        Files.write(output.resolve("b.bin"), new byte[60]);
        Files.write(output.resolve("c.bin"), new byte[200]);
        ArtifactStore.Collected collected = new FileArtifactStore(temp.resolve("store"), 100, 100)
                .collect("run-1", "node-1", output);
        assertEquals(List.of("a.bin"), collected.artifacts().stream().map(ArtifactRef::name).toList());
        assertEquals(List.of("b.bin (60 bytes, over the 100-byte limit per execution)",
                "c.bin (200 bytes, over the 100-byte limit per file)"), collected.leftOut());
    }

    @Test
    void symbolicLinksAreNotFollowedToHostFiles() throws IOException {
        Path output = Files.createDirectories(temp.resolve("output"));
        Files.writeString(temp.resolve("secret"), "labels");
        Files.createSymbolicLink(output.resolve("leak.csv"), temp.resolve("secret"));
        ArtifactStore.Collected collected = new FileArtifactStore(temp.resolve("store"), 100, 100)
                .collect("run-1", "node-1", output);
        assertEquals(List.of(), collected.artifacts());
        assertEquals(List.of("leak.csv (a symbolic link; only regular files are collected)"), collected.leftOut());
    }

    @Test
    void aFileThatCannotBeCollectedIsLeftOutAndNamedWhileTheOthersAreKept() throws IOException {
        // Under 4096 characters where the code wrote it, over where the store would keep it: the copy fails even
        // for root, as an unreadable file would for an executor that is not root.
        Path output = Files.createDirectories(temp.resolve("output"));
        Path deep = Files.createDirectories(output.resolve(String.join("/", Collections.nCopies(15, "d".repeat(250)))));
        Files.writeString(deep.resolve("model.bin"), "weights");
        Files.writeString(output.resolve("submission.csv"), "id,y\n");
        Path store = temp.resolve("s".repeat(250)).resolve("s".repeat(250));

        ArtifactStore.Collected collected = new FileArtifactStore(store, 1000, 1000).collect("run-1", "node-1", output);

        assertEquals(List.of("submission.csv"), collected.artifacts().stream().map(ArtifactRef::name).toList());
        assertEquals(1, collected.leftOut().size());
        String leftOut = collected.leftOut().get(0);
        assertTrue(leftOut.startsWith(output.relativize(deep) + "/model.bin (could not be collected: "), leftOut);
        assertTrue(leftOut.endsWith("File name too long)"), leftOut);
    }

    @Test
    void idsThatWouldClimbOutOfTheStoreAreRefused() {
        FileArtifactStore store = new FileArtifactStore(temp.resolve("store"), 100, 100);
        assertThrows(IllegalArgumentException.class, () -> store.collect("..", "node", temp));
        assertThrows(IllegalArgumentException.class, () -> store.collect("run", "a/../../b", temp));
    }
}
