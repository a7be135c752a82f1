package dev.emporium.payment.payments;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The read side of payments. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

    private final PaymentRepository payments;

    PaymentController(PaymentRepository payments) {
        this.payments = payments;
    }

    /**
     * Payments, newest first ({@code ?sort=createdAt|updatedAt|amount|status[,asc|desc]}); {@code ?orderId=} narrows
     * the list to the payment of one order.
     */
    @GetMapping
    PagedModel<PaymentResponse> list(@RequestParam(required = false) OrderId orderId, Pageable pageable) {
        return new PagedModel<>(payments.find(orderId, pageable).map(PaymentResponse::from));
    }

    @GetMapping("/{id}")
    PaymentResponse get(@PathVariable PaymentId id) {
        return payments.findById(id).map(PaymentResponse::from).orElseThrow(() -> new PaymentNotFoundException(id));
    }
}
