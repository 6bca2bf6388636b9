package ai.automlgen.knowledge.api;

import io.restassured.RestAssured;

import java.time.Duration;

/** Waits until the service reports ready (the index builds in the background at start-up). */
public final class Ready {
    private Ready() {
    }

    public static void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (RestAssured.get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready after " + timeout + ": " + RestAssured.get("/q/health/ready").asString());
            }
            Thread.sleep(500);
        }
    }
}
