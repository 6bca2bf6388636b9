package ai.automlgen.events;

/** What one execution may use. {@code gpus} is a count; the executor picks the device ids. */
public record Resources(int cpus, long memoryMb, int gpus) {
    public Resources {
        if (cpus < 1 || memoryMb < 64 || gpus < 0) {
            throw new IllegalArgumentException("resources need cpus >= 1, memoryMb >= 64, gpus >= 0, got "
                    + cpus + "/" + memoryMb + "/" + gpus);
        }
    }
}
