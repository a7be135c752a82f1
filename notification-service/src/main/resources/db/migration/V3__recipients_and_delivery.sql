-- This service's own copy of what it needs to address a user (ADR 0007), replicated from auth-service's
-- UserRegistered events and deleted on UserErased. No foreign key to notifications: an order event may arrive
-- before the user's registration, and its notification waits for the copy.
create table recipients (
    user_id       uuid        primary key,
    email         text        not null constraint recipients_email_length check (char_length(email) between 3 and 254),
    display_name  text        not null constraint recipients_display_name_length check (char_length(display_name) between 1 and 100),
    registered_at timestamptz not null,
    replicated_at timestamptz not null default now()
);

-- Users whose data was erased: only the id and when, so that an event about them that arrives late is dropped
-- instead of storing their data again.
create table erased_recipients (
    user_id   uuid        primary key,
    erased_at timestamptz not null
);

-- Delivery state of a notification's e-mail, and the HTML part that goes with the plain-text body.
alter table notifications
    add column html_body       text,
    add column attempts        integer     not null default 0 constraint notifications_attempts_not_negative check (attempts >= 0),
    add column next_attempt_at timestamptz,
    add column last_error      text,
    -- Position in the recipient's feed, 1, 2, 3, ... in commit order: the live stream's event id.
    add column sequence        bigint;

-- Rows from before this version get their positions in creation order.
update notifications n
set sequence = numbered.position
from (select id, row_number() over (partition by recipient_id order by created_at, id) as position
      from notifications) numbered
where n.id = numbered.id;

alter table notifications
    alter column sequence set not null,
    add constraint notifications_recipient_sequence_key unique (recipient_id, sequence);

-- Pending e-mails get a first attempt as soon as possible.
update notifications set next_attempt_at = created_at where status = 'PENDING' and channel = 'EMAIL';

-- The last position handed out per recipient. Taking the next one locks this row until the inserting transaction
-- ends, so a recipient's positions become visible in order and a reader polling "after n" never skips one.
create table feed_positions (
    recipient_id  uuid   primary key,
    last_sequence bigint not null
);

insert into feed_positions (recipient_id, last_sequence)
select recipient_id, max(sequence) from notifications group by recipient_id;

-- The sender's query: due e-mails, oldest due first.
create index notifications_due_idx on notifications (next_attempt_at) where status = 'PENDING';

-- Administrators list failed e-mails, newest first.
create index notifications_failed_idx on notifications (created_at desc, id desc) where status = 'FAILED';
