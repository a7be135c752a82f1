-- What the order saga needs: how an order is paid, why it has its status, its refund, the idempotency keys of
-- order placement, and the index the payment-timeout job scans.

-- Orders placed before this migration have no payment method, hence nullable; every new order carries one.
ALTER TABLE orders
    ADD COLUMN payment_method   text CONSTRAINT orders_payment_method_token CHECK (payment_method ~ '^pm_[A-Za-z0-9_]{1,100}$'),
    -- The payment that confirmed the order (payment-service's id).
    ADD COLUMN payment_id       uuid,
    -- Why the order has its status: the decline code of a REJECTED order, CUSTOMER or TIMEOUT for a CANCELLED one.
    ADD COLUMN status_reason    text CHECK (length(status_reason) BETWEEN 1 AND 200),
    ADD COLUMN refund_reference text CHECK (length(refund_reference) BETWEEN 1 AND 255),
    ADD COLUMN refunded_at      timestamptz,
    ADD CONSTRAINT orders_refund_complete CHECK ((refund_reference IS NULL) = (refunded_at IS NULL));

-- The payment-timeout job: the oldest orders still waiting for their payment, and only those.
CREATE INDEX orders_pending_payment_created_at_idx ON orders (created_at, id) WHERE status = 'PENDING_PAYMENT';

-- The first answer to each POST /api/orders that carried an Idempotency-Key, per customer, so that a retry with the
-- same key and body gets it again instead of a second order. A row commits with the order it created, so every
-- committed row holds its answer; a refused request leaves no row and may be retried with the same key.
CREATE TABLE idempotency_keys (
    customer_id         uuid        NOT NULL,
    idempotency_key     text        NOT NULL CHECK (idempotency_key ~ '^[!-~]{1,255}$'),
    -- SHA-256 of the request as understood, so that a different body under the same key is recognised.
    request_fingerprint text        NOT NULL,
    order_id            uuid        REFERENCES orders (id) ON DELETE CASCADE,
    response_status     integer     CHECK (response_status BETWEEN 200 AND 599),
    response_body       text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, idempotency_key)
);

-- Serves the scheduled deletion of keys past their retention.
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
