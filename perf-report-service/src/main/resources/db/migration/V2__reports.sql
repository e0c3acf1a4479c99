-- Performance reports made on a schedule (HOURLY, DAILY, WEEKLY) or on request (ON_DEMAND), kept for the
-- configured retention. The content is the report as JSON; CSV and PDF are rendered from it on download.
create table performance_report (
    id           bigserial primary key,
    kind         varchar(20)  not null,
    period_from  timestamp(6) with time zone not null,
    period_to    timestamp(6) with time zone not null,
    created_at   timestamp(6) with time zone not null,
    sources      varchar(1000) not null,
    content      text         not null
);
create index performance_report_created on performance_report (created_at desc);
