-- Publication calendars, versioned daily quotes, forward curves and the replay feed's position.

create table benchmark_holiday (
    benchmark_id  bigint       not null references benchmark (id),
    holiday_date  date         not null,
    name          varchar(100) not null,
    primary key (benchmark_id, holiday_date)
);

-- Append-only price history: a correction is a new version; the effective quote of a day is its latest
-- ACCEPTED version. A version that moved too far waits in QUARANTINED until an operator accepts or rejects it.
create table quote (
    id            bigserial primary key,
    benchmark_id  bigint         not null references benchmark (id),
    quote_date    date           not null,
    version       integer        not null,
    price         numeric(12, 4) not null,
    source        varchar(40)    not null,
    received_at   timestamp(6) with time zone not null,
    status        varchar(12)    not null,
    reason        varchar(300),
    decided_by    varchar(60),
    decided_at    timestamp(6) with time zone,
    constraint quote_version_once unique (benchmark_id, quote_date, version)
);
create index quote_status on quote (status) where status = 'QUARANTINED';

-- A forward curve as published on an as-of date: one price per contract month.
create table curve_point (
    id              bigserial primary key,
    benchmark_id    bigint         not null references benchmark (id),
    as_of           date           not null,
    contract_month  date           not null,
    price           numeric(12, 4) not null,
    received_at     timestamp(6) with time zone not null,
    constraint curve_point_once unique (benchmark_id, as_of, contract_month)
);

-- Where the replay feed is in each series: the next historical day it will publish.
create table replay_position (
    benchmark_code  varchar(20) primary key,
    next_date       date        not null
);

-- Reference benchmarks: EIA spot crude (with daily history in the application) and two products for the demo.
insert into benchmark (code, name, unit, currency, spike_threshold_sigma, created_at) values
    ('BRENT',  'Europe Brent Spot Price FOB (EIA RBRTE)',   'USD_PER_BBL', 'USD', 8, now()),
    ('WTI',    'Cushing OK WTI Spot Price FOB (EIA RWTC)',  'USD_PER_BBL', 'USD', 8, now()),
    ('GASOIL', 'Gasoil 0.1% FOB ARA',                       'USD_PER_MT',  'USD', 6, now()),
    ('FO380',  'Fuel oil 380 CST FOB Singapore',            'USD_PER_MT',  'USD', 6, now());
