-- The product catalog. Prices are integer minor units (cents for EUR) so that they never round.
CREATE TABLE products (
    sku          text        PRIMARY KEY CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description  text        NOT NULL DEFAULT '',
    price_amount bigint      NOT NULL CHECK (price_amount >= 0),
    currency     char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Reserving stock is a conditional decrement; this constraint is the last line against overselling.
    stock        integer     NOT NULL CONSTRAINT products_stock_not_negative CHECK (stock >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Serves the default listing order (name, then sku) without sorting the whole table.
CREATE INDEX products_name_sku_idx ON products (name, sku);
