-- Cases (民情): residents' problems and demands through the closed loop
-- REPORTED → ACCEPTED → DISPATCHED → RESOLVED → FEEDBACK → EVALUATED → CLOSED.

-- Tenant-configurable taxonomy; seeded per tenant on first use. A category is an Open311 service.
create table case_category (
    tenant_id         text        not null,
    code              text        not null check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name              text        not null check (length(name) between 1 and 50),
    group_code        text        not null check (group_code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    group_name        text        not null check (length(group_name) between 1 and 50),
    description       text        not null default '',
    keywords          text[]      not null default '{}',
    default_priority  text        not null default 'NORMAL' check (default_priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    public_visible    boolean     not null default true,
    attributes        jsonb       not null default '[]',
    active            boolean     not null default true,
    sort_order        int         not null default 0,
    updated_at        timestamptz not null default now(),
    primary key (tenant_id, code)
);
alter table case_category enable row level security;
alter table case_category force row level security;
create policy case_category_tenant on case_category
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- SLA: hours from report to resolution per category × priority; category '*' is the tenant default.
create table case_sla (
    tenant_id      text not null,
    category_code  text not null,
    priority       text not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    hours          int  not null check (hours between 1 and 8760),
    primary key (tenant_id, category_code, priority)
);
alter table case_sla enable row level security;
alter table case_sla force row level security;
create policy case_sla_tenant on case_sla
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Case numbers: one sequence for the platform (no hot counter row per tenant).
create sequence case_number_seq;

create table grid_case (
    id                   uuid        primary key,
    tenant_id            text        not null,
    number               text        not null,
    channel              text        not null check (channel in ('APP', 'HOTLINE', 'PATROL', 'VISIT', 'INTEGRATOR')),
    category_code        text        not null,
    priority             text        not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status               text        not null check (status in
        ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'RESOLVED', 'FEEDBACK', 'EVALUATED', 'CLOSED')),
    title                text        not null check (length(title) between 1 and 100),
    description          text        not null check (length(description) between 1 and 4000),
    lat                  double precision,
    lng                  double precision,
    address              text        check (length(address) <= 200),
    -- the 0.001° cell (about 100 m) of the location: duplicate suspicion looks in the 9 cells around a new case
    dup_cell             bigint,
    -- where it happened: the deepest unit found (a grid, else the community or street, else the district)
    grid_id              uuid,
    region               text        not null,
    street_path          text,
    community_path       text,
    grid_path            text,
    -- who must act now: starts at region, moves up on escalation
    queue_region         text        not null,
    household_id         uuid,
    patrol_id            uuid,
    reporter_subject     text,
    reporter_kind        text        not null,
    reporter_name        text        check (length(reporter_name) <= 50),
    reporter_phone_cipher text,
    reporter_phone_blind  text,
    reporter_phone_masked text,
    external_id          text        check (length(external_id) <= 100),
    attributes           jsonb       not null default '{}',
    dispatch_mode        text        check (dispatch_mode in ('HANDLE_NOW', 'ROUTE_TO_DEPARTMENT', 'COORDINATION')),
    assignee_subject     text,
    department           text,
    parties              text[]      not null default '{}',
    helper_lookup        text        not null default 'NOT_NEEDED'
        check (helper_lookup in ('NOT_NEEDED', 'PENDING', 'FOUND', 'NONE')),
    reported_at          timestamptz not null,
    accepted_at          timestamptz,
    dispatched_at        timestamptz,
    resolved_at          timestamptz,
    feedback_at          timestamptz,
    evaluated_at         timestamptz,
    closed_at            timestamptz,
    deadline_at          timestamptz not null,
    next_escalation_at   timestamptz,
    escalation_level     int         not null default 0,
    reopen_count         int         not null default 0 check (reopen_count between 0 and 1),
    rating               int         check (rating between 1 and 5),
    rating_comment       text        check (length(rating_comment) <= 500),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 1
);
create unique index grid_case_tenant_number on grid_case (tenant_id, number);
create unique index grid_case_tenant_external on grid_case (tenant_id, reporter_subject, external_id)
    where external_id is not null;
create index grid_case_tenant_reported on grid_case (tenant_id, reported_at desc, id desc);
create index grid_case_tenant_updated on grid_case (tenant_id, updated_at);
create index grid_case_tenant_resolved on grid_case (tenant_id, resolved_at) where resolved_at is not null;
create index grid_case_tenant_closed on grid_case (tenant_id, closed_at) where closed_at is not null;
create index grid_case_tenant_evaluated on grid_case (tenant_id, evaluated_at) where evaluated_at is not null;
create index grid_case_tenant_region on grid_case (tenant_id, region text_pattern_ops);
create index grid_case_tenant_duplicates on grid_case (tenant_id, category_code, dup_cell, reported_at)
    where dup_cell is not null;
create index grid_case_tenant_assignee on grid_case (tenant_id, assignee_subject, status);
create index grid_case_tenant_reporter on grid_case (tenant_id, reporter_subject, reported_at desc);
create index grid_case_tenant_household on grid_case (tenant_id, household_id) where household_id is not null;
create index grid_case_tenant_helper_pending on grid_case (tenant_id, id) where helper_lookup = 'PENDING';
-- the escalation scan runs across tenants (see policy below), so its index is not tenant-leading
create index grid_case_overdue on grid_case (next_escalation_at)
    where status in ('REPORTED', 'ACCEPTED', 'DISPATCHED') and next_escalation_at is not null;
alter table grid_case enable row level security;
alter table grid_case force row level security;
create policy grid_case_tenant on grid_case
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
-- the escalation scheduler finds overdue cases of every tenant: read only, and only when it names itself;
-- it then escalates each case in a transaction of that case's tenant
create policy grid_case_escalation_scan on grid_case for select
    using (current_setting('app.cross_tenant', true) = 'case-escalation');

-- The timeline: every step with its time and actor; also the source of Open311 service request updates.
create table case_event (
    id             uuid        primary key,
    tenant_id      text        not null,
    case_id        uuid        not null references grid_case (id),
    at             timestamptz not null default clock_timestamp(),
    type           text        not null,
    from_status    text,
    to_status      text,
    actor_subject  text        not null,
    actor_kind     text        not null,
    note           text        check (length(note) <= 2000),
    data           jsonb       not null default '{}'
);
create index case_event_tenant_case on case_event (tenant_id, case_id, at);
create index case_event_tenant_at on case_event (tenant_id, at);
alter table case_event enable row level security;
alter table case_event force row level security;
create policy case_event_tenant on case_event
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table case_attachment (
    id          uuid        primary key,
    tenant_id   text        not null,
    case_id     uuid        not null references grid_case (id),
    url         text        not null check (length(url) <= 2048),
    name        text        check (length(name) <= 200),
    media_type  text        check (length(media_type) <= 100),
    stage       text        not null,
    added_by    text        not null,
    added_at    timestamptz not null default now()
);
create index case_attachment_tenant_case on case_attachment (tenant_id, case_id, added_at);
alter table case_attachment enable row level security;
alter table case_attachment force row level security;
create policy case_attachment_tenant on case_attachment
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Suspected duplicates are linked, never merged.
create table case_link (
    tenant_id        text        not null,
    case_id          uuid        not null references grid_case (id),
    related_case_id  uuid        not null references grid_case (id),
    kind             text        not null check (kind in ('SUSPECTED_DUPLICATE')),
    distance_m       double precision,
    created_at       timestamptz not null default now(),
    primary key (tenant_id, case_id, related_case_id),
    check (case_id <> related_case_id)
);
create index case_link_tenant_related on case_link (tenant_id, related_case_id);
alter table case_link enable row level security;
alter table case_link force row level security;
create policy case_link_tenant on case_link
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Helpers on a case: the central household (党员中心户) that serves the case's household, from member-service.
create table case_helper (
    tenant_id             text        not null,
    case_id               uuid        not null references grid_case (id),
    central_household_id  uuid        not null,
    member_id             uuid,
    name                  text,
    roles                 text[]      not null default '{}',
    added_at              timestamptz not null default now(),
    primary key (tenant_id, case_id, central_household_id)
);
alter table case_helper enable row level security;
alter table case_helper force row level security;
create policy case_helper_tenant on case_helper
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Escalations: the primary key is the guarantee of one escalation per case, round (reopen count) and level
-- (target depth: 3 community, 2 street, 1 district), whatever the number of replicas racing.
create table case_escalation (
    tenant_id       text        not null,
    case_id         uuid        not null references grid_case (id),
    round           int         not null,
    level           int         not null check (level between 1 and 3),
    from_region     text        not null,
    to_region       text        not null,
    escalated_at    timestamptz not null default now(),
    street_path     text,
    community_path  text,
    grid_path       text,
    primary key (tenant_id, case_id, round, level)
);
create index case_escalation_tenant_at on case_escalation (tenant_id, escalated_at);
alter table case_escalation enable row level security;
alter table case_escalation force row level security;
create policy case_escalation_tenant on case_escalation
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
