package ai.automlgen.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A script to run, carried inline with its SHA-256 so consumers can verify and deduplicate. */
public record CodeRef(String filename, String source, String sha256) {
    public static CodeRef python(String source) {
        return new CodeRef("solution.py", source, sha256(source));
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
