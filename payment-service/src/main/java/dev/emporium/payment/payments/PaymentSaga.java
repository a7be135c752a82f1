package dev.emporium.payment.payments;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.emporium.contracts.Money;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.payment.psp.ChargeOutcome;
import dev.emporium.payment.psp.PaymentProvider;
import dev.emporium.payment.psp.PspProperties;
import dev.emporium.payment.psp.RefundOutcome;
import dev.emporium.platform.messaging.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment side of the order saga. Database work happens in short transactions and the provider is called
 * between them, never inside one: a slow provider holds no locks and no connections.
 *
 * <ul>
 * <li>{@link #open(OrderPlaced)} inserts the order's payment (at most one per order), in the caller's transaction;
 * {@link #charge(PaymentId)} then calls the provider and stores the outcome with its event
 * ({@code PaymentAuthorized} or {@code PaymentDeclined}) in one transaction.</li>
 * <li>An unavailable provider parks the payment ({@code PENDING_RETRY}) with an exponential, capped back-off;
 * {@link #retryDue()} calls again whatever is due, including payments whose replica died mid-call.</li>
 * <li>{@link #cancel(OrderCancelled)} cancels a payment not charged yet, or starts the refund of a charged one
 * ({@link #refund(PaymentId)}, then {@code PaymentRefunded}); a charge that succeeds after its order was cancelled
 * is refunded at once.</li>
 * </ul>
 */
@Service
public class PaymentSaga {

    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);

    private final PaymentRepository payments;

    private final PaymentProvider provider;

    private final Outbox outbox;

    private final TransactionTemplate transactions;

    private final PaymentRetryProperties retry;

    private final MeterRegistry meters;

    private final Clock clock;

    PaymentSaga(PaymentRepository payments, PaymentProvider provider, Outbox outbox,
            PlatformTransactionManager transactionManager, PaymentRetryProperties retry, PspProperties psp,
            MeterRegistry meters, ObjectProvider<Clock> clock) {
        if (retry.lease().compareTo(psp.longestCall()) <= 0) {
            throw new IllegalArgumentException("emporium.payment.retry.lease (" + retry.lease() + ") must outlast the"
                    + " longest payment-provider call with its retries (" + psp.longestCall() + ", from"
                    + " emporium.payment.psp.connect-timeout, read-timeout and retry.*), or a second replica could"
                    + " call the provider for a payment whose call is still running");
        }
        this.payments = payments;
        this.provider = provider;
        this.outbox = outbox;
        this.transactions = new TransactionTemplate(transactionManager);
        this.retry = retry;
        this.meters = meters;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Opens the order's payment, to be charged by {@link #charge(PaymentId)} once the caller's transaction has
     * committed. Nothing happens if the order already has a payment, whatever event opened it.
     *
     * @return the new payment, or empty when the order had one
     */
    public Optional<PaymentId> open(OrderPlaced placed) {
        Instant now = now();
        PaymentId id = new PaymentId(UUID.randomUUID());
        boolean inserted = payments.insert(id, new OrderId(placed.orderId()), new CustomerId(placed.customerId()),
                placed.total(), PaymentStatus.PENDING, placed.paymentMethod(), 1, now.plus(retry.lease()), null, now);
        if (!inserted) {
            log.info("Order {} already has a payment; OrderPlaced changes nothing", placed.orderId());
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** Charges a payment that is still uncharged, outside any transaction, and stores the outcome. */
    public void charge(PaymentId id) {
        payments.findById(id).filter(payment -> payment.status().uncharged()).ifPresent(this::charge);
    }

    /**
     * Applies an order's cancellation to its payment, in the caller's transaction: an uncharged payment is
     * cancelled and will never be charged; a charged one starts its refund, to be sent by {@link #refund(PaymentId)}
     * once the caller's transaction has committed. An order without a payment gets a cancelled one, so that a late
     * OrderPlaced charges nothing.
     *
     * @return the payment to refund, if any
     */
    public Optional<PaymentId> cancel(OrderCancelled cancelled) {
        Instant now = now();
        OrderId orderId = new OrderId(cancelled.orderId());
        Optional<Payment> found = payments.lockByOrder(orderId);
        if (found.isEmpty()) {
            payments.insert(new PaymentId(UUID.randomUUID()), orderId, new CustomerId(cancelled.customerId()),
                    cancelled.total(), PaymentStatus.CANCELLED, null, 0, null, now, now);
            count("cancelled");
            return Optional.empty();
        }
        Payment payment = found.get();
        switch (payment.status()) {
            case PENDING, PENDING_RETRY -> {
                payments.cancelled(payment.id(), now);
                count("cancelled");
                return Optional.empty();
            }
            case AUTHORIZED -> {
                payments.refundPending(payment.id(), now.plus(retry.lease()), now);
                return Optional.of(payment.id());
            }
            default -> {
                log.info("Order {} cancelled; its payment {} is {} and stays so", orderId, payment.id(),
                        payment.status());
                return Optional.empty();
            }
        }
    }

    /** Refunds a payment whose refund is pending, outside any transaction, and stores the outcome. */
    public void refund(PaymentId id) {
        payments.findById(id).filter(payment -> payment.status() == PaymentStatus.REFUND_PENDING)
                .ifPresent(this::refund);
    }

    /**
     * Calls the provider again for every open payment that is due: parked ones, and ones whose lease ran out because
     * the replica holding them stopped. Claims are row locks taken with {@code SKIP LOCKED}, so every replica may
     * run this at once; the calls of one round run in parallel, each within the lease.
     */
    public int retryDue() {
        Instant now = now();
        List<Payment> due = payments.claimDue(now, now.plus(retry.lease()), retry.batchSize());
        if (due.isEmpty()) {
            return 0;
        }
        log.info("Calling the payment provider again for {} payment(s)", due.size());
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Payment payment : due) {
                calls.submit(() -> {
                    try {
                        if (payment.status().uncharged()) {
                            charge(payment);
                        }
                        else if (payment.status() == PaymentStatus.REFUND_PENDING) {
                            refund(payment);
                        }
                    }
                    catch (RuntimeException ex) {
                        // The claim runs out and a later round tries again.
                        log.warn("Retrying payment {} failed: {}", payment.id(), ex.toString());
                    }
                });
            }
        }
        return due.size();
    }

    private void charge(Payment payment) {
        ChargeOutcome outcome = provider.charge(payment.orderId().value(), payment.amount(), payment.paymentMethod());
        Boolean refundNow = transactions.execute(status -> recordCharge(payment.id(), outcome));
        if (Boolean.TRUE.equals(refundNow)) {
            refund(payment.id());
        }
    }

    /** Stores a charge's outcome if the payment still waits for one; says whether it must be refunded now. */
    private boolean recordCharge(PaymentId id, ChargeOutcome outcome) {
        Payment payment = payments.lock(id).orElseThrow();
        Instant now = now();
        boolean uncharged = payment.status().uncharged();
        boolean cancelled = payment.status() == PaymentStatus.CANCELLED;
        switch (outcome) {
            case ChargeOutcome.Authorized authorized when uncharged -> {
                payments.authorized(id, PaymentStatus.AUTHORIZED, authorized.reference(), now, payment.attempts(),
                        null);
                appendAuthorized(payment, authorized.reference(), now);
                count("authorized");
                log.info("Payment {} of order {} authorized ({})", id, payment.orderId(), authorized.reference());
                return false;
            }
            case ChargeOutcome.Authorized authorized when cancelled -> {
                // The order was cancelled while the charge was on its way: the money goes back at once.
                log.warn("Payment {} was charged after its order {} was cancelled; refunding it", id,
                        payment.orderId());
                payments.authorized(id, PaymentStatus.REFUND_PENDING, authorized.reference(), now, 1,
                        now.plus(retry.lease()));
                appendAuthorized(payment, authorized.reference(), now);
                count("authorized");
                return true;
            }
            case ChargeOutcome.Declined declined when uncharged -> {
                payments.declined(id, declined.reason(), now);
                outbox.append(Topics.PAYMENTS, PaymentDeclined.TYPE, payment.orderId().toString(),
                        new PaymentDeclined(id.value(), payment.orderId().value(), payment.customerId().value(),
                                payment.amount(), declined.reason(), now));
                count("declined");
                log.info("Payment {} of order {} declined: {}", id, payment.orderId(), declined.reason());
                return false;
            }
            case ChargeOutcome.Unavailable unavailable when uncharged -> {
                payments.parked(id, PaymentStatus.PENDING_RETRY, unavailable.error(),
                        now.plus(retry.backoff(payment.attempts())), now);
                count("parked");
                log.info("Payment {} of order {} parked until the provider answers: {}", id, payment.orderId(),
                        unavailable.error());
                return false;
            }
            default -> {
                log.info("Payment {} is {}; the provider's late answer {} changes nothing", id, payment.status(),
                        outcome);
                return false;
            }
        }
    }

    private void refund(Payment payment) {
        RefundOutcome outcome = provider.refund(payment.orderId().value(), payment.pspReference(), payment.amount());
        transactions.executeWithoutResult(status -> recordRefund(payment.id(), outcome));
    }

    private void recordRefund(PaymentId id, RefundOutcome outcome) {
        Payment payment = payments.lock(id).orElseThrow();
        if (payment.status() != PaymentStatus.REFUND_PENDING) {
            return;
        }
        Instant now = now();
        switch (outcome) {
            case RefundOutcome.Refunded refunded -> {
                payments.refunded(id, refunded.reference(), now);
                outbox.append(Topics.PAYMENTS, PaymentRefunded.TYPE, payment.orderId().toString(),
                        new PaymentRefunded(id.value(), payment.orderId().value(), payment.customerId().value(),
                                payment.amount(), refunded.reference(), now));
                count("refunded");
            }
            case RefundOutcome.Failed failed -> {
                payments.parked(id, PaymentStatus.REFUND_PENDING, failed.error(),
                        now.plus(retry.backoff(payment.attempts())), now);
                count("refund_parked");
            }
        }
    }

    private void appendAuthorized(Payment payment, String reference, Instant at) {
        Money amount = payment.amount();
        outbox.append(Topics.PAYMENTS, PaymentAuthorized.TYPE, payment.orderId().toString(),
                new PaymentAuthorized(payment.id().value(), payment.orderId().value(), payment.customerId().value(),
                        amount, reference, at));
    }

    private void count(String outcome) {
        Counter.builder("emporium.payments").description("Payment outcomes, by outcome")
                .tag("outcome", outcome).register(meters).increment();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; events say the same instant the row does.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
