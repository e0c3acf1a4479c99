-- Settlement runs: each scheduled or on-demand pass over the delivered contracts.
create table settlement_run (
    id                  bigserial primary key,
    trigger             varchar(20)  not null,
    contract_id         bigint,
    started_at          timestamp(6) with time zone not null,
    finished_at         timestamp(6) with time zone,
    contracts_examined  integer      not null default 0,
    invoices_issued     integer      not null default 0,
    failures            integer      not null default 0,
    outcome             varchar(20)  not null,
    detail              varchar(500)
);

-- Invoices are immutable once issued: corrections are new invoices that refer to the one they correct.
-- amount_due is what this invoice asks to be paid (negative: a credit); value_usd is the cargo's value at this
-- invoice's pricing. A contract's amounts due add up to its latest value.
create table invoice (
    id                  bigserial primary key,
    contract_id         bigint        not null,
    contract_version    integer       not null,
    type                varchar(20)   not null,
    corrects_invoice_id bigint        references invoice (id),
    direction           varchar(20)   not null,
    counterparty        varchar(20)   not null,
    product             varchar(20)   not null,
    book                varchar(60),
    pricing_type        varchar(20)   not null,
    benchmark           varchar(20),
    window_rule         varchar(30),
    window_start        date,
    window_end          date,
    quotes_known        integer       not null,
    quotes_estimated    integer       not null,
    -- Unit prices keep the scale they were rounded to (3 or 4 decimals, settlement.unit-price-decimals).
    average_price       numeric,
    premium             numeric,
    unit_price          numeric       not null,
    price_unit          varchar(20)   not null,
    bl_date             date          not null,
    bl_quantity         numeric(16, 3) not null,
    quantity            numeric(16, 3) not null,
    quantity_unit       varchar(3)    not null,
    value_usd           numeric(18, 2) not null,
    amount_due_usd      numeric(18, 2) not null,
    issue_date          date          not null,
    due_date            date          not null,
    run_id              bigint        references settlement_run (id),
    created_at          timestamp(6) with time zone not null,
    constraint invoice_type check (type in ('PROVISIONAL', 'FINAL', 'DIFFERENCE'))
);
create index invoice_contract on invoice (contract_id);
create index invoice_due on invoice (due_date);
-- One provisional and one final invoice per contract, whatever runs overlap.
create unique index invoice_one_provisional on invoice (contract_id) where type = 'PROVISIONAL';
create unique index invoice_one_final on invoice (contract_id) where type = 'FINAL';

-- The quotes an invoice was priced on; an estimated line stands for a quote not yet published.
create table invoice_line (
    id          bigserial primary key,
    invoice_id  bigint        not null references invoice (id),
    quote_date  date          not null,
    price       numeric       not null,
    estimated   boolean       not null,
    note        varchar(100)
);
create index invoice_line_invoice on invoice_line (invoice_id);

create table payment (
    id           bigserial primary key,
    invoice_id   bigint        not null references invoice (id),
    amount_usd   numeric(18, 2) not null check (amount_usd > 0),
    paid_on      date          not null,
    reference    varchar(60)   not null,
    recorded_by  varchar(60)   not null,
    recorded_at  timestamp(6) with time zone not null,
    constraint payment_reference_once unique (invoice_id, reference)
);

-- Why a contract (or a whole run, contract_id null) could not be settled. Open until a later run succeeds.
create table settlement_failure (
    id             bigserial primary key,
    contract_id    bigint,
    reason         varchar(30)   not null,
    detail         varchar(500)  not null,
    attempts       integer       not null,
    first_seen_at  timestamp(6) with time zone not null,
    last_seen_at   timestamp(6) with time zone not null,
    last_run_id    bigint        references settlement_run (id),
    resolved_at    timestamp(6) with time zone
);
create unique index settlement_failure_open on settlement_failure (coalesce(contract_id, 0), reason) where resolved_at is null;
