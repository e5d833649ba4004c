-- Platform records of the gateway: districts (tenants), integrator clients and the integrator call audit log.
-- Runs as the owner role. The application role gets DML in afterMigrate.sql and owns nothing.

create table tenant (
    code        text        primary key check (code ~ '^[0-9]{6}$'),
    name        text        not null check (length(btrim(name)) between 1 and 100),
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'SUSPENDED')),
    settings    jsonb       not null default '{"timeZone": "Asia/Shanghai"}'::jsonb,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 1
);
comment on table tenant is 'Districts (GB/T 2260 code) served by the platform. Platform table: no tenant RLS.';

create table integrator_client (
    id                    uuid        primary key default gen_random_uuid(),
    tenant_id             text        not null references tenant (code),
    name                  text        not null check (length(btrim(name)) between 1 and 100),
    key_prefix            text        not null,
    key_hash              text        not null,
    scopes                text[]      not null default '{}',
    rate_limit_per_minute integer     not null check (rate_limit_per_minute between 1 and 6000000),
    allowed_ips           cidr[],
    status                text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    created_at            timestamptz not null default now(),
    revoked_at            timestamptz,
    check ((status = 'REVOKED') = (revoked_at is not null))
);
comment on column integrator_client.key_hash is 'hex HMAC-SHA256(pepper, api key); the key itself is never stored';
create unique index integrator_client_key_hash on integrator_client (key_hash);
create index integrator_client_tenant on integrator_client (tenant_id, id);

alter table integrator_client enable row level security;
alter table integrator_client force row level security;
-- the API-key lookup runs before the tenant is known and names its purpose; writes always need the tenant
create policy integrator_client_tenant on integrator_client
    using (tenant_id = current_setting('app.tenant_id', true)
           or current_setting('app.cross_tenant', true) = 'api-key-lookup')
    with check (tenant_id = current_setting('app.tenant_id', true));

create table integrator_call_audit (
    id          bigint      generated always as identity primary key,
    tenant_id   text        not null,
    client_id   uuid        not null,
    route_id    text        not null,
    method      text        not null,
    path        text        not null,
    status      integer     not null,
    latency_ms  integer     not null,
    at          timestamptz not null
);
create index integrator_call_audit_tenant_client on integrator_call_audit (tenant_id, client_id, at);
create index integrator_call_audit_tenant_at on integrator_call_audit (tenant_id, at);

alter table integrator_call_audit enable row level security;
alter table integrator_call_audit force row level security;
create policy integrator_call_audit_tenant on integrator_call_audit
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
