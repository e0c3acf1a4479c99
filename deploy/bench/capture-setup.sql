-- The scratch database's reference rows: the one product and counterparty every pgbench capture uses (ids 1).
insert into product (code, name, kind, api_gravity, default_unit, created_at)
  values ('BRENT', 'Brent Blend', 'CRUDE', 38.3, 'BBL', now());
insert into counterparty (code, name, country, credit_limit_usd, rating, blocked, created_at)
  values ('NORDOIL', 'Nordic Oil Trading AS', 'NO', 150000000, 'A', false, now());
