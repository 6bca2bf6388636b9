package ai.automlgen.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskFolderTest {
    @TempDir
    Path task;

    private Path write(String file) throws IOException {
        Path path = task.resolve(file);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, "x\n");
    }

    @Test
    void privateAnswersPreferAnswersOverTest() throws IOException {
        write("private/test.csv");
        Path answers = write("private/answers.csv.gz");
        assertEquals(Optional.of(answers), TaskFolder.privateAnswers(task));
    }

    @Test
    void aGzippedTestFileIsPrivateAnswers() throws IOException {
        Path answers = write("private/test.csv.gz");
        assertEquals(Optional.of(answers), TaskFolder.privateAnswers(task));
    }

    @Test
    void aPublicTestFileIsNoAnswers() throws IOException {
        write("public/test.csv");
        assertEquals(Optional.empty(), TaskFolder.privateAnswers(task));
    }

    @Test
    void aLeaderboardBesidePublicComesBeforeOneInPrivate() throws IOException {
        Path beside = write("leaderboard.csv");
        write("private/leaderboard.csv");
        assertEquals(Optional.of(beside), TaskFolder.leaderboard(task));
    }

    @Test
    void aLeaderboardInPrivateIsFound() throws IOException {
        Path inside = write("private/leaderboard.csv");
        assertEquals(Optional.of(inside), TaskFolder.leaderboard(task));
    }
}
