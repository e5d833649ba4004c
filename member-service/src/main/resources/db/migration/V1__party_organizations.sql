-- Party organizations of a district: a tree (committee → general branch → branch → group) where each
-- organization serves a region of the administrative tree (a street, a community, a grid inside it). Special
-- kinds: grid branches (网格党支部), building groups (楼栋党小组), mobile branches (流动党支部) and joint branches
-- of social organizations (联合党支部). A move (new parent, new region, or both) keeps its history.
-- Foreign keys include tenant_id: PostgreSQL checks references without row-level security, so a plain key
-- could point at another tenant's row.
create table party_organization (
    id                   uuid        primary key,
    tenant_id            text        not null,
    parent_id            uuid,
    name                 text        not null check (length(name) between 1 and 100),
    level                text        not null check (level in ('COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')),
    category             text        not null check (category in ('REGULAR', 'GRID', 'BUILDING', 'MOBILE', 'JOINT')),
    region               text        not null,
    grid_id              uuid,
    building_id          uuid,
    social_organizations text[]      not null default '{}',
    contact_phone        text,
    status               text        not null default 'ACTIVE' check (status in ('ACTIVE', 'DISSOLVED')),
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint      not null default 1,
    constraint party_organization_tenant_id unique (tenant_id, id),
    constraint party_organization_parent foreign key (tenant_id, parent_id)
        references party_organization (tenant_id, id),
    check (parent_id is null or parent_id <> id),
    check (category <> 'GRID' or grid_id is not null),
    check (category <> 'BUILDING' or level = 'GROUP'),
    check (category <> 'JOINT' or cardinality(social_organizations) > 0)
);
create index party_organization_tenant_parent on party_organization (tenant_id, parent_id, id);
create index party_organization_tenant_region on party_organization (tenant_id, region text_pattern_ops, id);

alter table party_organization enable row level security;
alter table party_organization force row level security;
create policy party_organization_tenant on party_organization
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table party_organization_move (
    id              uuid        primary key,
    tenant_id       text        not null,
    organization_id uuid        not null,
    from_parent_id  uuid,
    to_parent_id    uuid,
    from_region     text        not null,
    to_region       text        not null,
    reason          text,
    moved_by        text        not null,
    moved_at        timestamptz not null default now(),
    foreign key (tenant_id, organization_id) references party_organization (tenant_id, id)
);
create index party_organization_move_tenant_org on party_organization_move (tenant_id, organization_id, moved_at, id);

alter table party_organization_move enable row level security;
alter table party_organization_move force row level security;
create policy party_organization_move_tenant on party_organization_move
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
