-- Dual registration (双报到): in-service members register at the community where they live and serve there.
create table community_registration (
    id            uuid        primary key,
    tenant_id     text        not null,
    member_id     uuid        not null,
    community     text        not null,
    status        text        not null default 'ACTIVE' check (status in ('ACTIVE', 'ENDED')),
    note          text,
    registered_by text        not null,
    registered_at timestamptz not null default now(),
    ended_by      text,
    ended_at      timestamptz,
    version       bigint      not null default 1,
    constraint community_registration_tenant_id unique (tenant_id, id),
    foreign key (tenant_id, member_id) references party_member (tenant_id, id)
);
-- one active registration per member
create unique index community_registration_active on community_registration (tenant_id, member_id)
    where status = 'ACTIVE';
create index community_registration_tenant_community on community_registration (tenant_id, community text_pattern_ops, id);

alter table community_registration enable row level security;
alter table community_registration force row level security;
create policy community_registration_tenant on community_registration
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table community_service_record (
    id              uuid        primary key,
    tenant_id       text        not null,
    registration_id uuid        not null,
    served_on       date        not null,
    minutes         int         not null check (minutes between 1 and 1440),
    description     text        not null check (length(description) between 1 and 500),
    recorded_by     text        not null,
    recorded_at     timestamptz not null default now(),
    foreign key (tenant_id, registration_id) references community_registration (tenant_id, id)
);
create index community_service_record_tenant_reg on community_service_record (tenant_id, registration_id, served_on desc, id);

alter table community_service_record enable row level security;
alter table community_service_record force row level security;
create policy community_service_record_tenant on community_service_record
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
