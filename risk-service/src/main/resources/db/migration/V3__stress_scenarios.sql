-- User-defined stress scenarios: a shock per risk factor, in USD per barrel or in percent of today's price.
create table stress_scenario (
    id           bigserial primary key,
    name         varchar(60)  not null unique,
    description  varchar(200) not null,
    shock_type   varchar(12)  not null,
    shocks       text         not null,
    created_at   timestamp(6) with time zone not null
);
