package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a bench's pending cells, up to {@code concurrency} at a time, in plan order, handing each result to
 * {@code finished} one at a time as it comes. A {@link CliException} (a service unreachable or failing) starts no
 * further cell; the cells already running finish and are recorded, then it propagates and the rest rerun next time.
 */
final class CellPool {
    /** One cell's run; failures of the cell itself come back as its result. */
    interface CellWork {
        CellResult run(Cell cell) throws Exception;
    }

    private CellPool() {
    }

    static void run(List<Cell> cells, int concurrency, CellWork work, Consumer<CellResult> finished)
            throws InterruptedException {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        AtomicReference<CliException> stop = new AtomicReference<>();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, cells.size())));
        try {
            List<Future<?>> running = cells.stream().<Future<?>>map(cell -> workers.submit(() -> {
                if (stop.get() != null) {
                    return null; // left for the next run of the bench
                }
                CellResult result;
                try {
                    result = work.run(cell);
                } catch (CliException e) {
                    stop.compareAndSet(null, e);
                    return null;
                }
                synchronized (finished) {
                    finished.accept(result);
                }
                return null;
            })).toList();
            for (Future<?> future : running) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the bench failed on a cell: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            workers.shutdownNow();
        }
        if (stop.get() != null) {
            throw stop.get();
        }
    }
}
