-- Residential compounds (小区), buildings, households and residents under the grids.

create table compound (
    id          uuid        primary key,
    tenant_id   text        not null,
    code        text        not null check (code ~ '^[0-9A-Za-z-]{1,32}$'),
    name        text        not null check (length(name) between 1 and 100),
    region      text        not null,
    lat         double precision not null,
    lng         double precision not null,
    population  int         not null default 0 check (population >= 0),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 1
);
create unique index compound_tenant_code on compound (tenant_id, code);
create index compound_tenant_region on compound (tenant_id, region text_pattern_ops, id);
create index compound_tenant_id on compound (tenant_id, id);
alter table compound enable row level security;
alter table compound force row level security;
create policy compound_tenant on compound
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table building (
    id           uuid        primary key,
    tenant_id    text        not null,
    code         text        not null check (code ~ '^[0-9A-Za-z-]{1,32}$'),
    name         text        not null check (length(name) between 1 and 100),
    grid_id      uuid        not null references grid (id),
    compound_id  uuid        references compound (id),
    region       text        not null,
    lat          double precision,
    lng          double precision,
    floors       int         check (floors between 1 and 200),
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      bigint      not null default 1
);
create unique index building_tenant_code on building (tenant_id, code);
create index building_tenant_grid on building (tenant_id, grid_id, id);
create index building_tenant_region on building (tenant_id, region text_pattern_ops, id);
alter table building enable row level security;
alter table building force row level security;
create policy building_tenant on building
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- A household (户). Its exact address is sensitive for vulnerable residents: encrypted at rest, shown masked,
-- plaintext reads audited. Care tags mark who needs attention.
create table household (
    id              uuid        primary key,
    tenant_id       text        not null,
    code            text        not null check (code ~ '^[0-9A-Za-z-]{1,40}$'),
    grid_id         uuid        not null references grid (id),
    building_id     uuid        references building (id),
    compound_id     uuid        references compound (id),
    region          text        not null,
    address_cipher  text        not null,
    address_masked  text        not null,
    care_tags       text[]      not null default '{}'
        check (care_tags <@ array['ELDERLY_ALONE', 'DISABILITY', 'LOW_INCOME', 'RENTAL', 'KEY_PERSON']),
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REMOVED')),
    content_hash    text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 1
);
create unique index household_tenant_code on household (tenant_id, code);
create index household_tenant_grid on household (tenant_id, grid_id, id);
create index household_tenant_region on household (tenant_id, region text_pattern_ops, id);
create index household_tenant_care on household using gin (care_tags) where cardinality(care_tags) > 0;
create index household_tenant_id on household (tenant_id, id);
alter table household enable row level security;
alter table household force row level security;
create policy household_tenant on household
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Residents (居民). ID numbers and phones: AES-GCM ciphertext, an HMAC blind index for exact lookup, and the
-- masked form for display; plaintext only through an audited read.
create table resident (
    id                uuid        primary key,
    tenant_id         text        not null,
    household_id      uuid        not null references household (id),
    name              text        not null check (length(name) between 1 and 50),
    relation          text        not null default 'OTHER'
        check (relation in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'TENANT', 'OTHER')),
    gender            text        check (gender in ('MALE', 'FEMALE')),
    birth_date        date,
    id_number_cipher  text,
    id_number_blind   text,
    id_number_masked  text,
    phone_cipher      text,
    phone_blind       text,
    phone_masked      text,
    care_tags         text[]      not null default '{}'
        check (care_tags <@ array['ELDERLY_ALONE', 'DISABILITY', 'LOW_INCOME', 'RENTAL', 'KEY_PERSON']),
    status            text        not null default 'ACTIVE' check (status in ('ACTIVE', 'MOVED_OUT')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint      not null default 1
);
create index resident_tenant_household on resident (tenant_id, household_id, id);
create unique index resident_tenant_id_number on resident (tenant_id, id_number_blind)
    where id_number_blind is not null and status = 'ACTIVE';
create index resident_tenant_phone on resident (tenant_id, phone_blind) where phone_blind is not null;
alter table resident enable row level security;
alter table resident force row level security;
create policy resident_tenant on resident
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
