-- Upgrade tasks (三个一批: demonstrate / upgrade / build new) with monthly sign-off milestones (一月一销号) and
-- candidate sites (vacate / lease / build).

create table upgrade_task (
    id          uuid        primary key,
    tenant_id   text        not null,
    batch       text        not null check (batch in ('DEMONSTRATION', 'UPGRADE', 'NEW_BUILD')),
    title       text        not null check (length(title) between 1 and 100),
    region      text        not null,
    street      text        not null,
    center_id   uuid,
    year        int         not null check (year between 2000 and 2100),
    status      text        not null default 'IN_PROGRESS' check (status in ('IN_PROGRESS', 'COMPLETED')),
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 1,
    unique (tenant_id, id),
    foreign key (tenant_id, center_id) references center (tenant_id, id)
);
create index upgrade_task_tenant_region on upgrade_task (tenant_id, region text_pattern_ops, id);
create index upgrade_task_tenant_year on upgrade_task (tenant_id, year, street);
alter table upgrade_task enable row level security;
alter table upgrade_task force row level security;
create policy upgrade_task_tenant on upgrade_task
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table upgrade_milestone (
    tenant_id       text        not null,
    task_id         uuid        not null,
    month           date        not null check (extract(day from month) = 1),
    goal            text        not null check (length(goal) between 1 and 200),
    signed_off_at   timestamptz,
    signed_off_by   text,
    sign_off_note   text        check (length(sign_off_note) <= 500),
    primary key (tenant_id, task_id, month),
    foreign key (tenant_id, task_id) references upgrade_task (tenant_id, id)
);
alter table upgrade_milestone enable row level security;
alter table upgrade_milestone force row level security;
create policy upgrade_milestone_tenant on upgrade_milestone
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table candidate_site (
    id              uuid        primary key,
    tenant_id       text        not null,
    task_id         uuid        not null,
    name            text        not null check (length(name) between 1 and 100),
    address         text        not null check (length(address) between 1 and 200),
    lat             double precision not null check (lat between -90 and 90),
    lng             double precision not null check (lng between -180 and 180),
    mode            text        not null check (mode in ('VACATE', 'LEASE', 'BUILD')),
    leased_area_m2  numeric(10, 1) check (leased_area_m2 > 0),
    status          text        not null default 'CANDIDATE' check (status in ('CANDIDATE', 'SELECTED', 'REJECTED')),
    created_at      timestamptz not null default now(),
    check ((mode = 'LEASE') = (leased_area_m2 is not null)),
    foreign key (tenant_id, task_id) references upgrade_task (tenant_id, id)
);
create index candidate_site_tenant_task on candidate_site (tenant_id, task_id, created_at);
alter table candidate_site enable row level security;
alter table candidate_site force row level security;
create policy candidate_site_tenant on candidate_site
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
