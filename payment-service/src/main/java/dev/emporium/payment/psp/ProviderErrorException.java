package dev.emporium.payment.psp;

/**
 * An answer that neither decides the call nor gets better by repeating it at once, such as a 401 for a wrong API key
 * or a malformed body. The payment is parked and tried again later, never declined for a fault that is not the
 * customer's.
 */
class ProviderErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ProviderErrorException(String message) {
        super(message);
    }
}
