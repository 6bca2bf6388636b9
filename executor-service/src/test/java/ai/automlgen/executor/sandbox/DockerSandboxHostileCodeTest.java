package ai.automlgen.executor.sandbox;

import org.junit.jupiter.api.BeforeAll;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The docker sandbox against a real engine and the runtime image, started the way CI does:
 * {@code infra/runtime-image/docker.sh && infra/runtime-image/build.sh}. Skipped when neither answers.
 */
class DockerSandboxHostileCodeTest extends HostileCodeContract {
    static DockerSandbox sandbox;

    @BeforeAll
    static void connect() {
        String host = Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unix:///var/run/docker.sock");
        String image = Optional.ofNullable(System.getenv("AUTOMLGEN_RUNTIME_IMAGE")).orElse("automlgen-runtime:latest");
        List<String> whyNot = new ArrayList<>();
        Optional<DockerSandbox> docker = DockerSandbox.connect(host, image, "/usr/bin/python3", "65534:65534",
                "executor-test-" + ProcessHandle.current().pid(), LIMITS, whyNot);
        assumeTrue(docker.isPresent(), () -> String.join("; ", whyNot));
        sandbox = docker.get();
    }

    @Override
    Sandbox sandbox() {
        return sandbox;
    }
}
