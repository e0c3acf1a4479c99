-- Counterparties, physical contracts with immutable versions, paper trades, the audit trail, idempotent capture
-- and position limits.

create table counterparty (
    id                bigserial primary key,
    code              varchar(20)    not null unique,
    name              varchar(120)   not null,
    country           varchar(2)     not null,
    credit_limit_usd  numeric(18, 2) not null check (credit_limit_usd >= 0),
    rating            varchar(10),
    blocked           boolean        not null,
    blocked_reason    varchar(200),
    created_at        timestamp(6) with time zone not null
);

-- The current terms of a physical contract; every version's terms are kept in contract_version.
create table physical_contract (
    id                  bigserial primary key,
    status              varchar(20)    not null,
    version_no          integer        not null,
    direction           varchar(4)     not null,
    product_id          bigint         not null references product (id),
    counterparty_id     bigint         not null references counterparty (id),
    quantity            numeric(14, 3) not null check (quantity > 0),
    quantity_unit       varchar(3)     not null,
    tolerance_pct       numeric(4, 2)  not null check (tolerance_pct between 0 and 10),
    tolerance_option    varchar(6)     not null,
    incoterm            varchar(3)     not null,
    load_port           varchar(60),
    discharge_port      varchar(60),
    laycan_start        date           not null,
    laycan_end          date           not null,
    delivery_month      date           not null,
    pricing_type        varchar(7)     not null,
    fixed_price         numeric(14, 4),
    price_unit          varchar(12),
    benchmark           varchar(20),
    window_rule         varchar(30),
    window_quotes       integer,
    missing_quote_rule  varchar(30),
    premium             numeric(14, 4),
    premium_unit        varchar(12),
    payment_event       varchar(10)    not null,
    payment_days        integer        not null,
    payment_day_type    varchar(8)     not null,
    trader              varchar(60)    not null,
    book                varchar(60)    not null,
    bl_date             date,
    bl_quantity         numeric(14, 3),
    cancel_reason       varchar(200),
    created_by          varchar(60)    not null,
    created_at          timestamp(6) with time zone not null,
    updated_by          varchar(60)    not null,
    updated_at          timestamp(6) with time zone not null,
    lock_version        bigint         not null,
    constraint laycan_order check (laycan_start <= laycan_end)
);
create index physical_contract_status on physical_contract (status);
create index physical_contract_delivery on physical_contract (product_id, delivery_month);

-- Immutable: one row per version of a contract's terms, as JSON.
create table contract_version (
    id           bigserial primary key,
    contract_id  bigint      not null references physical_contract (id),
    version_no   integer     not null,
    terms        text        not null,
    created_by   varchar(60) not null,
    created_at   timestamp(6) with time zone not null,
    constraint contract_version_once unique (contract_id, version_no)
);

create table paper_trade (
    id                       bigserial primary key,
    kind                     varchar(6)     not null,
    status                   varchar(20)    not null,
    direction                varchar(4)     not null,
    product_id               bigint         not null references product (id),
    counterparty_id          bigint references counterparty (id),
    exchange                 varchar(10),
    contract_month           date,
    lots                     integer,
    lot_size_bbl             numeric(10, 2),
    price                    numeric(14, 4),
    benchmark                varchar(20),
    period_start             date,
    period_end               date,
    quantity_per_period_bbl  numeric(14, 3),
    trader                   varchar(60)    not null,
    book                     varchar(60)    not null,
    cancel_reason            varchar(200),
    created_by               varchar(60)    not null,
    created_at               timestamp(6) with time zone not null,
    updated_by               varchar(60)    not null,
    updated_at               timestamp(6) with time zone not null,
    lock_version             bigint         not null
);

-- Who changed what, written in the same transaction as the change.
create table audit_entry (
    id            bigserial primary key,
    entity_type   varchar(20)  not null,
    entity_id     bigint       not null,
    action        varchar(20)  not null,
    actor         varchar(60)  not null,
    at            timestamp(6) with time zone not null,
    before_state  text,
    after_state   text,
    reason        varchar(200)
);
create index audit_entry_entity on audit_entry (entity_type, entity_id);

-- A capture retried with the same Idempotency-Key gets the first answer again.
create table idempotency_key (
    idempotency_key  varchar(100) primary key,
    request_hash     varchar(64)  not null,
    response_status  integer,
    response_body    text,
    created_at       timestamp(6) with time zone not null
);

create table position_limit (
    product_id   bigint primary key references product (id),
    max_net_bbl  numeric(16, 3) not null check (max_net_bbl > 0),
    updated_by   varchar(60)    not null,
    updated_at   timestamp(6) with time zone not null
);
