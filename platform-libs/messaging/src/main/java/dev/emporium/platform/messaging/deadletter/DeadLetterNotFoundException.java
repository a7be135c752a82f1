package dev.emporium.platform.messaging.deadletter;

/** No record at the partition and offset named, on the dead-letter topic named. */
public class DeadLetterNotFoundException extends RuntimeException {

    public DeadLetterNotFoundException(String deadLetterTopic, int partition, long offset) {
        super("No dead letter at " + deadLetterTopic + " partition " + partition + " offset " + offset);
    }
}
