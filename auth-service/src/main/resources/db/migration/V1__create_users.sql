create table users (
    id            uuid        primary key,
    -- Stored trimmed and lower-cased by the service; the unique constraint is what keeps two
    -- concurrent registrations of one address from both succeeding.
    email         text        not null constraint users_email_key unique
                              constraint users_email_length check (char_length(email) between 3 and 254),
    display_name  text        not null constraint users_display_name_length check (char_length(display_name) between 1 and 100),
    -- PHC string, e.g. $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    password_hash text        not null,
    roles         text[]      not null default '{CUSTOMER}'
                              constraint users_roles_known check (cardinality(roles) > 0 and roles <@ array['CUSTOMER', 'ADMIN']),
    created_at    timestamptz not null default now()
);
