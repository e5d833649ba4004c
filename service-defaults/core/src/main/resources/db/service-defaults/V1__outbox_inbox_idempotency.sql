-- Tables every service gets from service-defaults. Each carries tenant_id under forced row-level security;
-- the outbox relay and the idempotency purge are the only cross-tenant readers, and must name themselves.

create table outbox_event (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    tenant_id    text        not null,
    source       text        not null,
    type         text        not null,
    subject      text,
    time         timestamptz not null default now(),
    data         jsonb       not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_tenant on outbox_event (tenant_id, time);
alter table outbox_event enable row level security;
alter table outbox_event force row level security;
create policy outbox_event_tenant on outbox_event
    using (tenant_id = current_setting('app.tenant_id', true)
           or current_setting('app.cross_tenant', true) = 'outbox-relay')
    with check (tenant_id = current_setting('app.tenant_id', true)
           or current_setting('app.cross_tenant', true) = 'outbox-relay');

create table inbox_event (
    consumer    text        not null,
    event_id    uuid        not null,
    tenant_id   text        not null,
    handled_at  timestamptz not null default now(),
    primary key (tenant_id, consumer, event_id)
);
alter table inbox_event enable row level security;
alter table inbox_event force row level security;
create policy inbox_event_tenant on inbox_event
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table idempotency_record (
    tenant_id      text        not null,
    caller         text        not null,
    idem_key       text        not null,
    request_hash   text        not null,
    state          text        not null check (state in ('IN_PROGRESS', 'COMPLETED')),
    status_code    int,
    content_type   text,
    location       text,
    etag           text,
    response_body  bytea,
    created_at     timestamptz not null default now(),
    completed_at   timestamptz,
    primary key (tenant_id, caller, idem_key)
);
create index idempotency_record_age on idempotency_record (created_at);
alter table idempotency_record enable row level security;
alter table idempotency_record force row level security;
create policy idempotency_record_tenant on idempotency_record
    using (tenant_id = current_setting('app.tenant_id', true)
           or current_setting('app.cross_tenant', true) = 'idempotency-purge')
    with check (tenant_id = current_setting('app.tenant_id', true));
