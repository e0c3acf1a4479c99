-- Products traded on the desk. Density or API gravity gives each product its own barrels-per-tonne factor.
create table product (
    id             bigserial primary key,
    code           varchar(20)  not null unique,
    name           varchar(100) not null,
    kind           varchar(20)  not null,
    api_gravity    numeric(6, 2),
    density_kg_m3  numeric(7, 2),
    default_unit   varchar(3)   not null,
    created_at     timestamp(6) with time zone not null,
    constraint product_density_known check (api_gravity is not null or density_kg_m3 is not null)
);
