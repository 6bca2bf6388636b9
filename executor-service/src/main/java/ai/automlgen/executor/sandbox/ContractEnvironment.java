package ai.automlgen.executor.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole environment of generated code (docs/pipeline-contract.md): the contract's variables,
 * thread counts pinned to the CPUs granted, and nothing inherited from the executor, so no secret
 * in the executor's environment ever reaches the code.
 */
public final class ContractEnvironment {
    private ContractEnvironment() {
    }

    /**
     * @param paths       how the sandboxed code sees its folders
     * @param visibleGpus the values for CUDA_VISIBLE_DEVICES as the code sees the devices
     * @param timeLimit   how long the code may run before it is killed; pipelines size their training to it
     */
    public static Map<String, String> of(SandboxPaths paths, long seed, int cpus, List<String> visibleGpus,
                                         Duration timeLimit) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", paths.home());
        env.put("LANG", "C.UTF-8");
        env.put("TMPDIR", paths.tmp());
        env.put("MPLCONFIGDIR", paths.tmp());
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("AUTOMLGEN_INPUT", paths.input());
        env.put("AUTOMLGEN_OUTPUT", paths.output());
        env.put("AUTOMLGEN_MODELS", paths.models());
        env.put("AUTOMLGEN_SEED", Long.toString(seed));
        env.put("AUTOMLGEN_CPUS", Integer.toString(cpus));
        env.put("AUTOMLGEN_GPUS", Integer.toString(visibleGpus.size()));
        env.put("AUTOMLGEN_TIME_LIMIT", Long.toString(timeLimit.toSeconds()));
        env.put("CUDA_VISIBLE_DEVICES", String.join(",", visibleGpus));
        for (String threads : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS")) {
            env.put(threads, Integer.toString(cpus));
        }
        // glibc makes one 64 MB arena per thread; under an address-space limit that wastes the budget.
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    /** Absolute paths as seen from inside the sandbox. */
    public record SandboxPaths(String workDir, String input, String output, String models, String home, String tmp) {
        public static final String MODELS = "/models";

        /** The fixed layout of the docker and bubblewrap sandboxes. */
        public static SandboxPaths mounted() {
            return new SandboxPaths("/work", "/work/input", "/work/output", MODELS, "/work", "/tmp");
        }
    }
}
