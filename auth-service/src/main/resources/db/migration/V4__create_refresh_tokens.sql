-- A family is one login: every refresh token rotated out of the first belongs to it, so revoking the family
-- ends that login on every token it ever had.
create table refresh_token_families (
    id                uuid        primary key,
    user_id           uuid        not null references users (id),
    created_at        timestamptz not null,
    revoked_at        timestamptz,
    revocation_reason text        constraint refresh_token_families_reason_known
                                  check (revocation_reason in ('LOGOUT', 'REUSE')),
    constraint refresh_token_families_revoked_with_reason check ((revoked_at is null) = (revocation_reason is null))
);

create index refresh_token_families_user_idx on refresh_token_families (user_id);

create table refresh_tokens (
    -- SHA-256 of the token: the token itself is never stored, so a leaked table yields no usable token.
    token_hash bytea       primary key constraint refresh_tokens_hash_length check (octet_length(token_hash) = 32),
    family_id  uuid        not null references refresh_token_families (id) on delete cascade,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    -- Set once, atomically, when the token is exchanged; presenting it again is reuse.
    rotated_at timestamptz
);

create index refresh_tokens_family_idx on refresh_tokens (family_id);
create index refresh_tokens_expires_at_idx on refresh_tokens (expires_at);
