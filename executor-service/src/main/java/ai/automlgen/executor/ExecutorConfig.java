package ai.automlgen.executor;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.nio.file.Path;
import java.util.Optional;

/** Everything under {@code automlgen.*} in application.properties; see the comments there. */
@ConfigMapping(prefix = "automlgen")
public interface ExecutorConfig {
    Path home();

    Executor executor();

    Sandbox sandbox();

    Slots slots();

    Artifacts artifacts();

    interface Executor {
        Optional<String> id();

        @WithName("consumer-group")
        String consumerGroup();
    }

    interface Sandbox {
        /** auto, docker or process. */
        String kind();

        @WithName("work-root")
        Path workRoot();

        @WithName("models-dir")
        Path modelsDir();

        long seed();

        Process process();

        Docker docker();

        Limits limits();

        interface Process {
            String python();

            boolean bubblewrap();

            @WithName("uid-base")
            int uidBase();
        }

        interface Docker {
            String host();

            String image();

            String python();

            String user();
        }

        interface Limits {
            @WithName("max-processes")
            int maxProcesses();

            @WithName("max-file-size-mb")
            long maxFileSizeMb();

            @WithName("tmp-size-mb")
            long tmpSizeMb();

            @WithName("log-head-bytes")
            int logHeadBytes();

            @WithName("log-tail-bytes")
            int logTailBytes();
        }
    }

    interface Slots {
        int cpus();

        @WithName("memory-mb")
        long memoryMb();

        String gpus();
    }

    interface Artifacts {
        Path root();

        @WithName("max-file-mb")
        long maxFileMb();

        @WithName("max-total-mb")
        long maxTotalMb();

        @WithName("results-root")
        Path resultsRoot();
    }
}
