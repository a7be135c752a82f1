package dev.emporium.notification.message;

import java.util.Objects;

/**
 * A rendered message: the subject, the plain-text body (also what the feed shows) and the HTML part of the e-mail.
 */
public record Message(String subject, String text, String html) {

    public Message {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

}
