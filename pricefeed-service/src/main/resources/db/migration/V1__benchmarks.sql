-- Price benchmarks (BRENT, WTI, gasoil…). A quote more than spike_threshold_sigma standard deviations of recent
-- daily changes away from the last one is quarantined for an operator to accept or reject.
create table benchmark (
    id                     bigserial primary key,
    code                   varchar(20)  not null unique,
    name                   varchar(100) not null,
    unit                   varchar(12)  not null,
    currency               varchar(3)   not null,
    spike_threshold_sigma  numeric(4, 2) not null,
    created_at             timestamp(6) with time zone not null
);
