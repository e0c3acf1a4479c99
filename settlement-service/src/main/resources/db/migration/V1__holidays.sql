-- Non-business days of payment calendars (for example USD bank holidays), used to roll payment due dates.
create table holiday (
    id            bigserial primary key,
    calendar      varchar(20)  not null,
    holiday_date  date         not null,
    name          varchar(100) not null,
    constraint holiday_once unique (calendar, holiday_date)
);
