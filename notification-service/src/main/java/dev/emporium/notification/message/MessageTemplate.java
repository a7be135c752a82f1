package dev.emporium.notification.message;

/**
 * The messages this service sends, each a pair of templates under {@code classpath:mail/}: {@code <name>.txt}
 * (first line {@code Subject: ...}, a blank line, then the plain-text body) and {@code <name>.html} (the HTML body,
 * put into {@code layout.html}).
 */
public enum MessageTemplate {

    WELCOME("welcome"),

    ORDER_PLACED("order-placed"),

    ORDER_CONFIRMED("order-confirmed"),

    ORDER_REJECTED("order-rejected"),

    ORDER_CANCELLED("order-cancelled"),

    PAYMENT_DECLINED("payment-declined"),

    PAYMENT_REFUNDED("payment-refunded");

    private final String fileName;

    MessageTemplate(String fileName) {
        this.fileName = fileName;
    }

    String fileName() {
        return this.fileName;
    }

}
