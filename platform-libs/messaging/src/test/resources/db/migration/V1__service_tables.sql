-- The test application's own tables, migrated by Spring Boot's Flyway as a service's are; the starter's tables
-- arrive through their own history table and never take these version numbers.
create table accounts (
    id         uuid        primary key,
    email      text        not null,
    created_at timestamptz not null default now()
);

-- What consumers did: one row per effect name, counting how often it happened.
create table effects (
    name  text    primary key,
    times integer not null
);
