package dev.emporium.platform.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A latch that remembers a signal given while nobody waits, so that a notification during a round is not lost. */
final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition signalled = lock.newCondition();

    private boolean pending;

    void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Waits for a signal (or one given since the last wait) at most {@code timeout}, then clears it. */
    void await(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!pending && nanos > 0) {
                nanos = signalled.awaitNanos(nanos);
            }
            pending = false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            lock.unlock();
        }
    }
}
