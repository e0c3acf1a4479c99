-- pgbench script: one trade capture as trading-service's ContractService.capture writes it, in one
-- transaction: claim the Idempotency-Key, look up product and counterparty, insert the contract, its first
-- version and the audit row, store the answer on the key. run.sh replaces @TERMS@ and @BODY@ with the terms and
-- the response body of a real capture, base64-encoded (so the rows are as wide as the service's, and pgbench does
-- not read the JSON's colons as variables), and runs it against a scratch database with trading's migrations.
\set r random(1, 9000000000000000000)
begin;
insert into idempotency_key (idempotency_key, request_hash, created_at)
  values ('pgbench-' || :client_id::text || '-' || :r::text,
          '6c1f0c8f5d6b4e1a9f0e3c2b7a8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f809', now())
  on conflict (idempotency_key) do nothing;
select * from product where code = 'BRENT';
select * from counterparty where code = 'NORDOIL';
insert into physical_contract (status, version_no, direction, product_id, counterparty_id, quantity, quantity_unit,
    tolerance_pct, tolerance_option, incoterm, load_port, discharge_port, laycan_start, laycan_end, delivery_month,
    pricing_type, fixed_price, price_unit, payment_event, payment_days, payment_day_type, trader, book,
    created_by, created_at, updated_by, updated_at, lock_version)
  values ('DRAFT', 1, 'BUY', 1, 1, 600000, 'BBL', 5, 'BUYER', 'FOB', 'Sullom Voe', 'Rotterdam', '2027-01-10',
    '2027-01-12', '2027-01-01', 'FIXED', 78.25, 'USD_PER_BBL', 'BL', 30, 'CALENDAR', 'bench', 'BENCH',
    'bench', now(), 'bench', now(), 0)
  returning id as contract_id \gset
insert into contract_version (contract_id, version_no, terms, created_by, created_at)
  values (:contract_id, 1, convert_from(decode('@TERMS@', 'base64'), 'UTF8'), 'bench', now());
insert into audit_entry (entity_type, entity_id, action, actor, at, before_state, after_state, reason)
  values ('CONTRACT', :contract_id, 'CREATED', 'bench', now(), null, convert_from(decode('@BODY@', 'base64'), 'UTF8'), null);
update idempotency_key set response_status = 201, response_body = convert_from(decode('@BODY@', 'base64'), 'UTF8')
  where idempotency_key = 'pgbench-' || :client_id::text || '-' || :r::text;
end;
