-- Failed logins per account. The key is the SHA-256 of the normalised e-mail rather than a user id, so that
-- addresses without an account are throttled exactly like real ones and the throttle reveals nothing.
create table login_throttle (
    account_key     bytea       primary key constraint login_throttle_key_length check (octet_length(account_key) = 32),
    -- Attempts since the last successful login; an attempt counts when it starts, so parallel guesses count too.
    failures        integer     not null constraint login_throttle_failures_positive check (failures >= 0),
    last_failure_at timestamptz,
    blocked_until   timestamptz
);
