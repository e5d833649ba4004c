-- Volunteers registered in a district. The region is where they serve (a path in the administrative tree),
-- which decides which staff see them.
create table volunteer (
    id             uuid        primary key,
    tenant_id      text        not null,
    name           text        not null check (length(name) between 1 and 50),
    region         text        not null,
    skills         text[]      not null default '{}',
    status         text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED', 'LEFT')),
    registered_at  timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        bigint      not null default 1
);
create index volunteer_tenant_region on volunteer (tenant_id, region text_pattern_ops, id);
create index volunteer_tenant_id on volunteer (tenant_id, id);

alter table volunteer enable row level security;
alter table volunteer force row level security;
create policy volunteer_tenant on volunteer
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
