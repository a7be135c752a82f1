-- An erased account keeps its row as a tombstone (id, roles, created_at, erased_at) so that its id is never
-- reused and an erasure can be told apart from an id that never existed; every piece of personal data is gone.
alter table users
    add column erased_at timestamptz,
    alter column email drop not null,
    alter column display_name drop not null,
    alter column password_hash drop not null,
    add constraint users_erased_hold_no_personal_data check (
        (erased_at is null and email is not null and display_name is not null and password_hash is not null)
        or (erased_at is not null and email is null and display_name is null and password_hash is null));

-- Admin lists page through live accounts by creation time.
create index users_created_at_idx on users (created_at, id) where erased_at is null;
