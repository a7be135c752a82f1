package dev.emporium.payment.payments;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import dev.emporium.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side of payments: customers read their own, administrators everyone's. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentRepository payments;

    PaymentController(PaymentRepository payments) {
        this.payments = payments;
    }

    /**
     * Payments, newest first ({@code ?sort=createdAt|updatedAt|amount|status[,asc|desc]}); {@code ?orderId=} narrows
     * the list to the payment of one order. An order without a payment the caller may see answers 404, the same for
     * another customer's order as for an order that has no payment (yet), so that order ids leak nothing.
     */
    @GetMapping
    PagedModel<PaymentResponse> list(@RequestParam(required = false) OrderId orderId, Pageable pageable,
            Caller caller) {
        Page<Payment> page = payments.find(PaymentReader.of(caller), orderId, pageable);
        if (orderId != null && page.getTotalElements() == 0) {
            throw new PaymentNotFoundException(orderId);
        }
        return new PagedModel<>(page.map(PaymentResponse::from));
    }

    /** Another customer's payment answers the same 404 as an unknown id, so ids of other payments leak nothing. */
    @GetMapping("/{id}")
    PaymentResponse get(@PathVariable PaymentId id, Caller caller) {
        return payments.findById(id, PaymentReader.of(caller)).map(PaymentResponse::from)
                .orElseThrow(() -> new PaymentNotFoundException(id));
    }
}
