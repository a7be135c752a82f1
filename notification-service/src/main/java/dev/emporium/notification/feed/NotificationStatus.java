package dev.emporium.notification.feed;

public enum NotificationStatus {

    /** Stored, not yet handed to its channel. */
    PENDING,

    /** Handed to its channel; {@code sentAt} says when. */
    SENT,

    /** The channel refused it for good, after its retries. */
    FAILED

}
