-- Tables of the messaging starter, in the service's own schema. Applied by the starter's own Flyway run, whose
-- history is messaging_schema_history: the service's migrations and version numbers are never touched.

-- Transactional outbox. A service inserts a row in the transaction that changes its state; the relay publishes
-- pending rows to Kafka and marks them published. position orders the events of one aggregate.
create table outbox (
    position     bigint      generated always as identity primary key,
    event_id     uuid        not null constraint outbox_event_id_key unique,
    topic        text        not null,
    -- The envelope's subject, the aggregate id: the Kafka key and the unit of ordering.
    event_key    text        not null,
    event_type   text        not null,
    -- The envelope exactly as it is sent (json keeps the text as written).
    envelope     json        not null,
    -- W3C trace context of the writing transaction, sent as Kafka headers so that the trace continues.
    traceparent  text,
    tracestate   text,
    created_at   timestamptz not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

-- The relay's query: pending rows, and for each the check that no earlier row of its aggregate is pending.
create index outbox_pending on outbox (position) where published_at is null;
create index outbox_pending_by_key on outbox (topic, event_key, position) where published_at is null;
create index outbox_published_at on outbox (published_at) where published_at is not null;

-- Wakes every relay listening on <schema>_outbox when a transaction that inserted rows commits (notifications are
-- delivered on commit only, and one per transaction and channel however many rows it wrote).
create function outbox_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify(tg_table_schema || '_outbox', '');
    return null;
end
$$;

create trigger outbox_notify
    after insert on outbox
    for each statement
execute function outbox_notify();

-- Inbox: the events each consumer has handled, written in the transaction of the handling's effect.
create table inbox (
    consumer    text        not null,
    event_id    uuid        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_received_at on inbox (received_at);

-- Which dead-letter records were replayed, so that "replay all" does not send one twice.
create table dead_letter_replay (
    dead_letter_topic text        not null,
    kafka_partition   integer     not null,
    kafka_offset      bigint      not null,
    replayed_at       timestamptz not null default now(),
    primary key (dead_letter_topic, kafka_partition, kafka_offset)
);
