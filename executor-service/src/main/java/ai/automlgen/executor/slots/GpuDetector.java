package ai.automlgen.executor.slots;

import ai.automlgen.executor.host.HostCommand;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

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
            HostCommand.Result listed = HostCommand.run(List.of("nvidia-smi", "--query-gpu=index", "--format=csv,noheader"),
                    Duration.ofSeconds(20));
            if (!listed.succeeded()) {
                return List.of();
            }
            return listed.output().lines().map(String::strip).filter(s -> s.matches("\\d+")).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
