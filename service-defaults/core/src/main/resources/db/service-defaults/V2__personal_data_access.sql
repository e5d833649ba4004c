-- Every plaintext read of personal data, written in the reading transaction. Append-only for the application:
-- it may insert and select, never update or delete (grants are adjusted after migration, see below).
create table personal_data_access (
    id             uuid        primary key,
    tenant_id      text        not null,
    accessor       text        not null,
    accessor_roles text        not null,
    resource_type  text        not null,
    resource_id    text        not null,
    field          text        not null,
    purpose        text,
    accessed_at    timestamptz not null default now()
);
create index personal_data_access_tenant_time on personal_data_access (tenant_id, accessed_at desc);
create index personal_data_access_tenant_resource on personal_data_access (tenant_id, resource_type, resource_id);
create index personal_data_access_tenant_accessor on personal_data_access (tenant_id, accessor, accessed_at desc);
alter table personal_data_access enable row level security;
alter table personal_data_access force row level security;
create policy personal_data_access_tenant on personal_data_access
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
