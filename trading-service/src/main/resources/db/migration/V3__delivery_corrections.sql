-- A correction of a delivered contract's B/L date or quantity, proposed by one operator and waiting for another
-- to apply it (four eyes); the columns are empty when nothing is pending.
alter table physical_contract
    add column correction_bl_date     date,
    add column correction_bl_quantity numeric(14, 3),
    add column correction_reason      varchar(200),
    add column correction_by          varchar(60);
