-- Payments against the payment provider (PSP). Card data never reaches this table: clients pay with a PSP
-- payment-method token, and only the PSP's reference for the outcome is stored.
CREATE TABLE payments (
    id             uuid        PRIMARY KEY,
    -- At most one payment per order, so a redelivered OrderPlaced finds the existing payment instead of charging twice.
    order_id       uuid        NOT NULL CONSTRAINT payments_one_per_order UNIQUE,
    customer_id    uuid        NOT NULL,
    amount         bigint      NOT NULL CHECK (amount >= 0),
    currency       char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status         text        NOT NULL
        CONSTRAINT payments_status_known
            CHECK (status IN ('PENDING', 'AUTHORIZED', 'DECLINED', 'REFUNDED', 'PENDING_RETRY')),
    psp_reference  text,
    decline_reason text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    -- A declined payment always says why, and only a declined one does.
    CONSTRAINT payments_decline_reason_iff_declined CHECK ((decline_reason IS NOT NULL) = (status = 'DECLINED')),
    -- Money that moved can always be traced at the provider.
    CONSTRAINT payments_psp_reference_when_settled
        CHECK (status NOT IN ('AUTHORIZED', 'REFUNDED') OR psp_reference IS NOT NULL)
);

-- Newest-first listing, overall and per customer.
CREATE INDEX payments_created_at_idx ON payments (created_at DESC, id);
CREATE INDEX payments_customer_created_at_idx ON payments (customer_id, created_at DESC);
