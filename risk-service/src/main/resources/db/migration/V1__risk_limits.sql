-- Risk limits. threshold is in USD for GROSS_EXPOSURE and VAR, and a share of gross exposure (0–1] for
-- CONCENTRATION. scope is a product or benchmark code, or null for the whole book.
create table risk_limit (
    id          bigserial primary key,
    name        varchar(60)    not null unique,
    kind        varchar(20)    not null,
    scope       varchar(20),
    threshold   numeric(20, 4) not null check (threshold > 0),
    updated_at  timestamp(6) with time zone not null
);
