package dev.emporium.payment.psp;

/** A call that may succeed if repeated: a 5xx answer, a timeout or a connection error. The retry repeats these. */
class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
