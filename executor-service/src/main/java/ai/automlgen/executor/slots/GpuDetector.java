package ai.automlgen.executor.slots;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Which GPU ids this executor may hand out: configured, or as nvidia-smi lists them. */
public final class GpuDetector {
    private GpuDetector() {
    }

    /**
     * @param setting "auto" (ask nvidia-smi; none when it is absent or fails), "none", or ids "0,1"
     */
    public static List<String> gpuIds(String setting) {
        String value = setting == null ? "auto" : setting.strip();
        if (value.equalsIgnoreCase("none") || value.isEmpty()) {
            return List.of();
        }
        if (!value.equalsIgnoreCase("auto")) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=index", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return List.of();
            }
            return out.lines().map(String::strip).filter(s -> s.matches("\\d+")).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
