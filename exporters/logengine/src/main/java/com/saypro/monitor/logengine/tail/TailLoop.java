package com.saypro.monitor.logengine.tail;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a {@link Tailer} on a background thread: every {@code interval}, or immediately again while a backlog
 * is being worked off. Closing stops the thread and then closes the tailer (final checkpoint).
 *
 * <p>Before its first poll the loop takes the state file's {@link StateLock}, retrying every interval while another
 * tailer holds it (a pipeline being replaced by a reload writes its final checkpoint first). While there is no
 * state file and none of the watched paths exists, it polls without the lock, so a fresh machine with nothing to
 * tail gets no state directory created.
 */
public final class TailLoop implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TailLoop.class);

    private final Tailer tailer;
    private final ScheduledThreadPoolExecutor executor;
    private final Duration interval;
    private StateLock lock; // only touched on the loop's thread, and by close() after the thread has stopped
    private boolean waitingLogged;

    private TailLoop(Tailer tailer, Duration interval, String threadName) {
        this.tailer = tailer;
        this.interval = interval;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // a poll scheduled for later must not delay close()
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public static TailLoop start(Tailer tailer, Duration interval, String threadName) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + interval);
        }
        TailLoop loop = new TailLoop(tailer, interval, threadName);
        loop.executor.execute(loop::pollOnce);
        return loop;
    }

    private void pollOnce() {
        boolean more = false;
        try {
            if (lockedOrNotNeeded()) {
                more = tailer.poll().moreAvailable();
            }
        } catch (RuntimeException e) {
            // the tailer reports file problems in its stats; anything reaching here is a bug, but keep polling
            LOG.error("poll failed", e);
        }
        try {
            executor.schedule(this::pollOnce, more ? 0 : interval.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // close() was called: the loop ends here
        }
    }

    private boolean lockedOrNotNeeded() {
        if (lock != null) {
            return true;
        }
        if (!tailer.hasStateOrFiles()) {
            return true;
        }
        try {
            lock = StateLock.tryAcquire(tailer.stateFile()).orElse(null);
        } catch (IOException e) {
            if (!waitingLogged) {
                LOG.warn("cannot lock state file {}: {}; retrying every {}", tailer.stateFile(), e.toString(),
                        interval);
                waitingLogged = true;
            }
            return false;
        }
        if (lock == null && !waitingLogged) {
            LOG.info("state file {} is in use by another tailer (a reloaded config finishing, or another process);"
                    + " waiting for it", tailer.stateFile());
            waitingLogged = true;
        }
        return lock != null;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        tailer.close();
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                LOG.debug("releasing the lock of {}", tailer.stateFile(), e);
            }
            lock = null;
        }
    }
}
