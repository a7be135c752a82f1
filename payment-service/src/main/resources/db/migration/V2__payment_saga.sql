-- The payment side of the order saga: payments are opened from OrderPlaced, charged at the provider, parked and
-- tried again while the provider is unavailable, and refunded (or cancelled before any charge) on OrderCancelled.

ALTER TABLE payments DROP CONSTRAINT payments_status_known;
ALTER TABLE payments ADD CONSTRAINT payments_status_known CHECK (status IN (
    'PENDING',        -- opened, the charge is being sent
    'PENDING_RETRY',  -- the provider was unavailable; the charge is tried again at next_attempt_at
    'AUTHORIZED',     -- charged
    'DECLINED',       -- the provider refused; decline_reason says why
    'REFUND_PENDING', -- charged, but the order was cancelled: the refund is being sent or tried again
    'REFUNDED',       -- paid back
    'CANCELLED'       -- the order was cancelled before any charge; never charged
));

-- The provider's payment-method token the order names (e.g. pm_card_visa), never card data. Absent only for
-- payments closed as CANCELLED before their OrderPlaced was ever seen.
ALTER TABLE payments ADD COLUMN payment_method text
    CONSTRAINT payments_payment_method_is_token CHECK (payment_method ~ '^pm_[A-Za-z0-9_]{1,100}$');
-- Calls to the provider for the current step (charge, then refund), and when the next one is due. While a call is
-- in flight next_attempt_at is a lease: a replica that crashed mid-call is replaced once it has passed.
ALTER TABLE payments ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0);
ALTER TABLE payments ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE payments ADD COLUMN last_error text;
ALTER TABLE payments ADD COLUMN authorized_at timestamptz;
ALTER TABLE payments ADD COLUMN refund_reference text;
ALTER TABLE payments ADD COLUMN refunded_at timestamptz;
ALTER TABLE payments ADD COLUMN cancelled_at timestamptz;

-- Rows written before this version were opened without a due time; they become due now.
UPDATE payments SET next_attempt_at = now() WHERE status IN ('PENDING', 'PENDING_RETRY') AND next_attempt_at IS NULL;

ALTER TABLE payments DROP CONSTRAINT payments_psp_reference_when_settled;
-- Money that moved can always be traced at the provider, and so can money that went back.
ALTER TABLE payments ADD CONSTRAINT payments_psp_reference_when_settled
    CHECK (status NOT IN ('AUTHORIZED', 'REFUND_PENDING', 'REFUNDED') OR psp_reference IS NOT NULL);
-- NOT VALID: rows refunded before this version have no refund reference to backfill; every row written from now
-- on is checked.
ALTER TABLE payments ADD CONSTRAINT payments_refund_reference_when_refunded
    CHECK ((status = 'REFUNDED') = (refund_reference IS NOT NULL AND refunded_at IS NOT NULL)) NOT VALID;
-- Work still to do always has a time to do it.
ALTER TABLE payments ADD CONSTRAINT payments_due_while_open
    CHECK (status NOT IN ('PENDING', 'PENDING_RETRY', 'REFUND_PENDING') OR next_attempt_at IS NOT NULL);

-- The retrier's scan: open payments whose next call is due, oldest first.
CREATE INDEX payments_due_idx ON payments (next_attempt_at)
    WHERE status IN ('PENDING', 'PENDING_RETRY', 'REFUND_PENDING');
