-- Every replica runs the schedule: one report per kind and period, whoever makes it first.
create unique index performance_report_once on performance_report (kind, period_from, period_to) where kind <> 'ON_DEMAND';
