create table notifications (
    id           uuid        primary key,
    -- The auth-service user id; no foreign key, as that table lives in another service's schema.
    recipient_id uuid        not null,
    channel      text        not null constraint notifications_channel_known check (channel in ('EMAIL', 'IN_APP')),
    subject      text        not null constraint notifications_subject_length check (char_length(subject) between 1 and 200),
    body         text        not null,
    status       text        not null default 'PENDING'
                             constraint notifications_status_known check (status in ('PENDING', 'SENT', 'FAILED')),
    created_at   timestamptz not null default now(),
    sent_at      timestamptz,
    read_at      timestamptz,
    constraint notifications_sent_at_iff_sent check ((status = 'SENT') = (sent_at is not null))
);

-- The feed is read newest first; the id makes the order total, so paging never skips or repeats a row.
create index notifications_newest_first_idx on notifications (created_at desc, id desc);
