-- Grid workers' patrols (巡查): start, track points, findings (which become cases), end.
create table patrol (
    id              uuid        primary key,
    tenant_id       text        not null,
    grid_id         uuid        not null references grid (id),
    region          text        not null,
    worker_subject  text        not null,
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'ENDED')),
    started_at      timestamptz not null default now(),
    ended_at        timestamptz,
    point_count     int         not null default 0,
    distance_m      double precision not null default 0,
    last_lat        double precision,
    last_lng        double precision,
    last_point_at   timestamptz,
    note            text        check (length(note) <= 2000),
    version         bigint      not null default 1
);
create index patrol_tenant_grid on patrol (tenant_id, grid_id, started_at desc);
create index patrol_tenant_worker on patrol (tenant_id, worker_subject, started_at desc);
create index patrol_tenant_region on patrol (tenant_id, region text_pattern_ops, started_at desc);
alter table patrol enable row level security;
alter table patrol force row level security;
create policy patrol_tenant on patrol
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table patrol_point (
    tenant_id    text        not null,
    patrol_id    uuid        not null references patrol (id),
    seq          int         not null,
    lat          double precision not null,
    lng          double precision not null,
    recorded_at  timestamptz not null,
    primary key (tenant_id, patrol_id, seq)
);
alter table patrol_point enable row level security;
alter table patrol_point force row level security;
create policy patrol_point_tenant on patrol_point
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
