package ai.automlgen.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a bench ran on, as the report header names it: CPU model, cores and memory, read from /proc. */
public final class Machine {
    private Machine() {
    }

    public static String describe() {
        String model = "unknown CPU";
        long cores = Runtime.getRuntime().availableProcessors();
        String memory = "unknown memory";
        try {
            List<String> cpu = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cores = cpu.stream().filter(l -> l.startsWith("processor")).count();
            model = cpu.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse(memory);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep what the JVM knows
        }
        return cores + " cores (" + model + "), " + memory + " RAM, " + Runtime.getRuntime().availableProcessors()
                + " visible to the JVM" + loadAverage();
    }

    /** Load averages when the bench starts: on a shared machine they say how much of it the bench had. */
    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return ", load average " + load[0] + " / " + load[1] + " / " + load[2] + " (1 / 5 / 15 min) at start";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
