package dev.emporium.payment.payments;

import java.util.UUID;

/** Parses ids as clients send them. */
final class CanonicalUuid {

    private static final int CANONICAL_LENGTH = 36;

    private CanonicalUuid() {
    }

    /**
     * The UUID in its canonical 36-character form; the length check refuses the short forms {@link UUID#fromString}
     * would accept, such as {@code 1-1-1-1-1}.
     */
    static UUID parse(String what, String text) {
        String problem = what + " is a UUID such as 3f1c2b9e-1d2a-4c6b-9a51-0e4f2a7b8c9d, was '" + text + "'";
        if (text == null || text.length() != CANONICAL_LENGTH) {
            throw new IllegalArgumentException(problem);
        }
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(problem, ex);
        }
    }
}
