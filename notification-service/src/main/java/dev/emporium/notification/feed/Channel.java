package dev.emporium.notification.feed;

public enum Channel {

    /** Also sent as an e-mail to the recipient's address. */
    EMAIL,

    /** Only shown in the feed. */
    IN_APP

}
