-- Orders and their lines. The total and unit prices are fixed when an order is placed, whatever the catalog
-- says later. Shipping columns hold personal data and are erased when the customer is erased.
CREATE TABLE orders (
    id                   uuid        PRIMARY KEY,
    customer_id          uuid        NOT NULL,
    status               text        NOT NULL
        CONSTRAINT orders_status_known CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    total_amount         bigint      NOT NULL CHECK (total_amount >= 0),
    currency             char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    shipping_name        text        NOT NULL,
    shipping_line1       text        NOT NULL,
    shipping_line2       text,
    shipping_city        text        NOT NULL,
    shipping_postal_code text        NOT NULL,
    shipping_country     char(2)     NOT NULL CHECK (shipping_country ~ '^[A-Z]{2}$'),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);

-- Newest-first listing, overall and per customer.
CREATE INDEX orders_created_at_idx ON orders (created_at DESC, id);
CREATE INDEX orders_customer_created_at_idx ON orders (customer_id, created_at DESC);

CREATE TABLE order_items (
    order_id          uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    sku               text    NOT NULL REFERENCES products (sku),
    quantity          integer NOT NULL CHECK (quantity > 0),
    unit_price_amount bigint  NOT NULL CHECK (unit_price_amount >= 0),
    PRIMARY KEY (order_id, sku)
);

-- Keeps the foreign-key check cheap when a product row is deleted or its key changes.
CREATE INDEX order_items_sku_idx ON order_items (sku);
