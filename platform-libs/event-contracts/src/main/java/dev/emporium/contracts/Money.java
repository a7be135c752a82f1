package dev.emporium.contracts;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount in the minor unit of its currency (cents for EUR), as every API answer and every event carries it:
 * {@code {"amount": 1299, "currency": "EUR"}}. An integer cannot round, and the currency always travels with it.
 * Amounts are never negative; a refund is a state of a payment, not a negative amount.
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new IllegalArgumentException("An amount of money cannot be negative, was " + amount);
        }
        if (currency.length() != 3 || !currency.equals(currency.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Currency must be an upper-case ISO 4217 code such as EUR, was '"
                    + currency + "'");
        }
        // Rejects well-formed but unknown codes, which would otherwise only surface when formatting.
        Currency.getInstance(currency);
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money times(int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("Quantity cannot be negative, was " + quantity);
        }
        return new Money(Math.multiplyExact(amount, (long) quantity), currency);
    }

    /** For logs and messages only, e.g. {@code 12.99 EUR}; APIs and events always carry the integer form. */
    @Override
    public String toString() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return BigDecimal.valueOf(amount, digits).toPlainString() + " " + currency;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + this + " with " + other
                    + ": the currencies differ");
        }
    }
}
