-- Grids: the administrative units a district is divided into for grid governance, as a hierarchy
-- street → community → grid → micro-grid. The region path of a unit is its parent's path plus its code
-- ({district}/{street}/{community}/{grid}/{micro-grid}); staff data scopes are such paths.
-- Geometry is GeoJSON (WGS84 lng/lat) validated on write; the hot point-in-polygon lookups are answered from an
-- in-memory JTS STRtree per tenant built from these rows (the database is the truth).
create table grid (
    id              uuid        primary key,
    tenant_id       text        not null,
    code            text        not null check (code ~ '^[0-9A-Za-z-]{1,32}$'),
    name            text        not null check (length(name) between 1 and 100),
    level           text        not null check (level in ('STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID')),
    parent_id       uuid        references grid (id),
    region          text        not null,
    geometry        jsonb,
    min_lng         double precision,
    min_lat         double precision,
    max_lng         double precision,
    max_lat         double precision,
    area_m2         double precision,
    center_lat      double precision,
    center_lng      double precision,
    vertex_count    int,
    party_branch_id uuid,
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    retired_at      timestamptz,
    version         bigint      not null default 1,
    check (level in ('STREET', 'COMMUNITY') or geometry is not null),
    check ((level = 'STREET') = (parent_id is null))
);
create unique index grid_tenant_code on grid (tenant_id, code);
create unique index grid_tenant_region on grid (tenant_id, region);
create index grid_tenant_region_prefix on grid (tenant_id, region text_pattern_ops, id);
create index grid_tenant_parent on grid (tenant_id, parent_id);
alter table grid enable row level security;
alter table grid force row level security;
create policy grid_tenant on grid
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Grid staff: one head (网格长), one instructor (网格指导员), any number of workers (网格员). The subject is the
-- person's subject in the internal token, so a worker's "my grids" and "my cases" work.
create table grid_staff (
    tenant_id  text        not null,
    grid_id    uuid        not null references grid (id),
    subject    text        not null check (length(subject) between 1 and 200),
    name       text        not null check (length(name) between 1 and 50),
    role       text        not null check (role in ('HEAD', 'INSTRUCTOR', 'WORKER')),
    added_at   timestamptz not null default now(),
    primary key (tenant_id, grid_id, subject)
);
create unique index grid_staff_one_head on grid_staff (tenant_id, grid_id) where role = 'HEAD';
create unique index grid_staff_one_instructor on grid_staff (tenant_id, grid_id) where role = 'INSTRUCTOR';
create index grid_staff_subject on grid_staff (tenant_id, subject);
alter table grid_staff enable row level security;
alter table grid_staff force row level security;
create policy grid_staff_tenant on grid_staff
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- One counter per tenant, bumped in the transaction of every grid change. Replicas compare it with the version
-- their in-memory index was built from; Redis carries the news quickly, this row makes it reliable.
create table grid_index_version (
    tenant_id  text        primary key,
    version    bigint      not null,
    changed_at timestamptz not null default now()
);
alter table grid_index_version enable row level security;
alter table grid_index_version force row level security;
create policy grid_index_version_tenant on grid_index_version
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- the periodic index check of every replica reads all tenants' versions, and nothing else, read only
create policy grid_index_version_sync on grid_index_version for select
    using (current_setting('app.cross_tenant', true) = 'grid-index-sync');

-- index versions come from a sequence: a number is never reused, even by a transaction that rolled back
create sequence grid_index_version_seq;
