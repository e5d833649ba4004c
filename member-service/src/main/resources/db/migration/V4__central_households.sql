-- Central households (党员中心户): a party member designated by a community/village organization to serve a set
-- of nearby linked households (联系户), in one or more of the five roles.
create table central_household (
    id              uuid        primary key,
    tenant_id       text        not null,
    member_id       uuid        not null,
    organization_id uuid        not null,
    region          text        not null,
    roles           text[]      not null,
    plaque_no       text,
    designated_on   date        not null,
    designated_by   text        not null,
    status          text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    revoked_at      timestamptz,
    revoked_by      text,
    revoke_reason   text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 1,
    constraint central_household_tenant_id unique (tenant_id, id),
    foreign key (tenant_id, member_id) references party_member (tenant_id, id),
    foreign key (tenant_id, organization_id) references party_organization (tenant_id, id),
    check (cardinality(roles) between 1 and 5 and roles <@ array['POLICY_PROMOTER', 'OPINION_COLLECTOR',
        'SERVICE_DOER', 'DISPUTE_MEDIATOR', 'HARDSHIP_HELPER']::text[])
);
-- a member serves as at most one active central household
create unique index central_household_active_member on central_household (tenant_id, member_id) where status = 'ACTIVE';
create index central_household_tenant_region on central_household (tenant_id, region text_pattern_ops, id);
create index central_household_tenant_org on central_household (tenant_id, organization_id, id);

alter table central_household enable row level security;
alter table central_household force row level security;
create policy central_household_tenant on central_household
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- A household (grid-service's id, validated there when linked) links to at most one central household: the
-- primary key says so, whatever races the application loses.
create table linked_household (
    tenant_id            text        not null,
    household_id         uuid        not null,
    central_household_id uuid        not null,
    region               text        not null,
    linked_by            text        not null,
    linked_at            timestamptz not null default now(),
    constraint linked_household_one_central_household primary key (tenant_id, household_id),
    foreign key (tenant_id, central_household_id) references central_household (tenant_id, id)
);
create index linked_household_tenant_ch on linked_household (tenant_id, central_household_id, household_id);

alter table linked_household enable row level security;
alter table linked_household force row level security;
create policy linked_household_tenant on linked_household
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Links that ended (household unlinked or central household revoked).
create table linked_household_history (
    id                   uuid        primary key,
    tenant_id            text        not null,
    household_id         uuid        not null,
    central_household_id uuid        not null,
    linked_at            timestamptz not null,
    unlinked_at          timestamptz not null default now(),
    unlinked_by          text        not null,
    foreign key (tenant_id, central_household_id) references central_household (tenant_id, id)
);
create index linked_household_history_tenant_ch on linked_household_history (tenant_id, central_household_id, unlinked_at);
create index linked_household_history_tenant_household on linked_household_history (tenant_id, household_id);

alter table linked_household_history enable row level security;
alter table linked_household_history force row level security;
create policy linked_household_history_tenant on linked_household_history
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
