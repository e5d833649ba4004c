-- Centers and stations at every level, their rooms, bookings and duty rosters, the tenant's service catalog and
-- time zone. Every table carries tenant_id under forced row-level security; references between tables include
-- tenant_id, so no row can point at another district's row even through a foreign key.

-- btree_gist lets one GiST index combine equality on scalar columns (tenant, room) with range overlap: the
-- exclusion constraints below. It is a trusted extension (PostgreSQL 13+), so the database owner that runs the
-- migrations may create it without superuser rights.
create extension if not exists btree_gist;

create table tenant_setting (
    tenant_id   text        primary key,
    time_zone   text        not null default 'Asia/Shanghai',
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 1
);
alter table tenant_setting enable row level security;
alter table tenant_setting force row level security;
create policy tenant_setting_tenant on tenant_setting
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- The service catalog (服务清单): categories → items; a center offers a subset of the items.
create table service_category (
    tenant_id   text        not null,
    code        text        not null check (code ~ '^[a-z0-9-]{1,40}$'),
    name        text        not null check (length(name) between 1 and 50),
    sort_order  int         not null default 0,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, code)
);
alter table service_category enable row level security;
alter table service_category force row level security;
create policy service_category_tenant on service_category
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table service_item (
    tenant_id      text        not null,
    code           text        not null check (code ~ '^[a-z0-9-]{1,40}$'),
    category_code  text        not null,
    name           text        not null check (length(name) between 1 and 50),
    description    text        check (length(description) <= 500),
    sort_order     int         not null default 0,
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, code),
    foreign key (tenant_id, category_code) references service_category (tenant_id, code)
);
create index service_item_tenant_category on service_item (tenant_id, category_code, sort_order);
alter table service_item enable row level security;
alter table service_item force row level security;
create policy service_item_tenant on service_item
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table center (
    id                 uuid        primary key,
    tenant_id          text        not null,
    level              text        not null check (level in ('DISTRICT', 'STREET', 'COMMUNITY', 'COMPOUND_STATION',
                                                             'REGIONAL', 'PIONEER_STATION')),
    name               text        not null check (length(name) between 1 and 100),
    brand_name         text        check (length(brand_name) <= 50),
    region             text        not null,
    parent_id          uuid,
    address            text        not null check (length(address) between 1 and 200),
    lat                double precision not null check (lat between -90 and 90),
    lng                double precision not null check (lng between -180 and 180),
    floor_area_m2      numeric(10, 1) check (floor_area_m2 >= 0),
    phone              text        check (length(phone) <= 30),
    host_kind          text        check (host_kind in ('BANK', 'SHOP', 'TELECOM', 'PARK', 'OFFICE_BUILDING',
                                                        'ENTERPRISE', 'OTHER')),
    host_name          text        check (length(host_name) <= 100),
    photos             text[]      not null default '{}',
    facilities         text[]      not null default '{}',
    service_items      text[]      not null default '{}',
    opening_hours      jsonb       not null,
    status             text        not null default 'ACTIVE' check (status in ('PLANNED', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
    stars              smallint    not null default 0 check (stars between 0 and 5),
    stars_year         int,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            bigint      not null default 1,
    unique (tenant_id, id),
    foreign key (tenant_id, parent_id) references center (tenant_id, id)
);
create index center_tenant_region on center (tenant_id, region text_pattern_ops, id);
create index center_tenant_level on center (tenant_id, level, id);
alter table center enable row level security;
alter table center force row level security;
create policy center_tenant on center
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- The version of a tenant's centers as the public map's in-memory index sees them: bumped in every transaction
-- that changes what the map shows, compared by replicas whose copy may be stale.
create table center_index_version (
    tenant_id  text   primary key,
    version    bigint not null
);
alter table center_index_version enable row level security;
alter table center_index_version force row level security;
create policy center_index_version_tenant on center_index_version
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table room (
    id                    uuid        primary key,
    tenant_id             text        not null,
    center_id             uuid        not null,
    name                  text        not null check (length(name) between 1 and 50),
    capacity              int         not null check (capacity between 1 and 10000),
    facilities            text[]      not null default '{}',
    requires_approval     boolean     not null default false,
    bookable              boolean     not null default true,
    max_duration_minutes  int         not null default 240 check (max_duration_minutes between 15 and 1440),
    max_advance_days      int         not null default 60 check (max_advance_days between 1 and 366),
    status                text        not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    version               bigint      not null default 1,
    unique (tenant_id, id),
    unique (tenant_id, id, center_id),
    foreign key (tenant_id, center_id) references center (tenant_id, id)
);
create index room_tenant_center on room (tenant_id, center_id, name);
alter table room enable row level security;
alter table room force row level security;
create policy room_tenant on room
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Room bookings. No double booking, enforced here: while a booking is pending or confirmed, no other pending or
-- confirmed booking of the same room may overlap its [starts_at, ends_at). Whatever the number of replicas or
-- concurrent requests, the second insert fails with an exclusion violation (SQLSTATE 23P01).
create table booking (
    id                 uuid        primary key,
    tenant_id          text        not null,
    room_id            uuid        not null,
    center_id          uuid        not null,
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    during             tstzrange   generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
    status             text        not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    booker_subject     text        not null,
    booker_type        text        not null check (booker_type in ('RESIDENT', 'ORGANIZATION', 'STAFF')),
    organization_name  text        check (length(organization_name) <= 100),
    purpose            text        not null check (length(purpose) between 1 and 200),
    attendees          int         not null default 1 check (attendees >= 1),
    activity_id        uuid,
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text        check (length(decision_note) <= 500),
    cancelled_by       text,
    cancelled_at       timestamptz,
    cancel_reason      text        check (length(cancel_reason) <= 500),
    created_at         timestamptz not null default now(),
    version            bigint      not null default 1,
    check (starts_at < ends_at),
    unique (tenant_id, id),
    foreign key (tenant_id, room_id, center_id) references room (tenant_id, id, center_id),
    constraint booking_no_overlap exclude using gist (tenant_id with =, room_id with =, during with &&)
        where (status in ('PENDING', 'CONFIRMED'))
);
create index booking_tenant_room_time on booking (tenant_id, room_id, starts_at);
create index booking_tenant_booker on booking (tenant_id, booker_subject, starts_at desc);
alter table booking enable row level security;
alter table booking force row level security;
create policy booking_tenant on booking
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Duty roster (值班表): staff shifts per center. One person cannot hold two overlapping shifts at one center.
create table duty_shift (
    id             uuid        primary key,
    tenant_id      text        not null,
    center_id      uuid        not null,
    staff_subject  text        not null check (length(staff_subject) between 1 and 200),
    staff_name     text        not null check (length(staff_name) between 1 and 50),
    duty_role      text        not null check (length(duty_role) between 1 and 30),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    note           text        check (length(note) <= 200),
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    check (starts_at < ends_at),
    foreign key (tenant_id, center_id) references center (tenant_id, id),
    constraint duty_shift_no_overlap exclude using gist (tenant_id with =, center_id with =, staff_subject with =,
        tstzrange(starts_at, ends_at, '[)') with &&)
);
create index duty_shift_tenant_center_time on duty_shift (tenant_id, center_id, starts_at);
alter table duty_shift enable row level security;
alter table duty_shift force row level security;
create policy duty_shift_tenant on duty_shift
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
