create table thing (
    id        text primary key,
    tenant_id text not null,
    name      text not null
);
create index thing_tenant on thing (tenant_id);
alter table thing enable row level security;
alter table thing force row level security;
create policy thing_tenant on thing using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
