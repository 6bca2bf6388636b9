package ai.automlgen.evaluator.medals;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Kaggle private leaderboard read from leaderboard.csv ({@code rank,score}, best first). */
public record Leaderboard(List<Double> scoresBestFirst, MedalThresholds thresholds) {

    public static Leaderboard read(Path csv) throws IOException {
        List<Double> scores = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            if (!parser.getHeaderNames().contains("score")) {
                throw new IOException(csv + ": no 'score' column (expected header rank,score)");
            }
            for (CSVRecord row : parser) {
                String score = row.get("score").strip();
                try {
                    scores.add(Double.parseDouble(score));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": line " + parser.getCurrentLineNumber() + ": score '" + score + "' is not a number", e);
                }
            }
        }
        return new Leaderboard(List.copyOf(scores), MedalThresholds.fromLeaderboard(scores));
    }

    public int position(double score) {
        return thresholds.position(score, scoresBestFirst);
    }
}
