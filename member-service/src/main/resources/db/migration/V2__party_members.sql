-- Party members. The ID number and the phone are sensitive personal information: only AES-256-GCM ciphertext
-- (service-defaults' PersonalDataCipher, "v1:<key id>:<nonce|ciphertext|tag>", bound to the row and field) is
-- stored, plus an HMAC blind index of the normalized ID number for exact lookup and uniqueness per district.
-- The masked forms (4417**********1234, 138****5678) are kept beside them so lists never decrypt anything.
-- The re-encryption job (after a key rotation) is the only cross-tenant reader and names itself.
create table party_member (
    id               uuid        primary key,
    tenant_id        text        not null,
    organization_id  uuid        not null,
    name             text        not null check (length(name) between 1 and 50),
    id_number_enc    text        not null,
    id_number_bidx   text        not null,
    id_number_masked text        not null,
    phone_enc        text,
    phone_masked     text,
    category         text        not null check (category in ('REGULAR', 'IN_SERVICE', 'MOBILE', 'RETIRED')),
    status           text        not null default 'ACTIVE' check (status in ('ACTIVE', 'TRANSFERRED_OUT', 'DECEASED')),
    joined_on        date,
    workplace        text,
    mobile_branch_id uuid,
    mobile_location  text,
    account_subject  text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 1,
    constraint party_member_tenant_id unique (tenant_id, id),
    foreign key (tenant_id, organization_id) references party_organization (tenant_id, id),
    foreign key (tenant_id, mobile_branch_id) references party_organization (tenant_id, id),
    check (mobile_branch_id is null or category = 'MOBILE'),
    check (id_number_enc like 'v1:%' and (phone_enc is null or phone_enc like 'v1:%'))
);
create unique index party_member_id_number on party_member (tenant_id, id_number_bidx);
create unique index party_member_account on party_member (tenant_id, account_subject) where account_subject is not null;
create index party_member_tenant_org on party_member (tenant_id, organization_id, id);
create index party_member_tenant_mobile_branch on party_member (tenant_id, mobile_branch_id, id)
    where mobile_branch_id is not null;

alter table party_member enable row level security;
alter table party_member force row level security;
create policy party_member_tenant on party_member
    using (tenant_id = current_setting('app.tenant_id', true)
           or current_setting('app.cross_tenant', true) = 'personal-data-reencryption')
    with check (tenant_id = current_setting('app.tenant_id', true)
           or current_setting('app.cross_tenant', true) = 'personal-data-reencryption');

-- Transfers of the organizational relationship (组织关系转接), inside the district or out of it.
create table party_member_transfer (
    id                   uuid        primary key,
    tenant_id            text        not null,
    member_id            uuid        not null,
    from_organization_id uuid        not null,
    to_organization_id   uuid,
    destination          text,
    reason               text,
    effective_on         date        not null,
    transferred_by       text        not null,
    transferred_at       timestamptz not null default now(),
    foreign key (tenant_id, member_id) references party_member (tenant_id, id),
    foreign key (tenant_id, from_organization_id) references party_organization (tenant_id, id),
    foreign key (tenant_id, to_organization_id) references party_organization (tenant_id, id),
    check ((to_organization_id is null) <> (destination is null))
);
create index party_member_transfer_tenant_member on party_member_transfer (tenant_id, member_id, transferred_at, id);

alter table party_member_transfer enable row level security;
alter table party_member_transfer force row level security;
create policy party_member_transfer_tenant on party_member_transfer
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- Mobile members (流动党员) brought under a mobile branch where they now live and work; their organizational
-- relationship stays with their home organization.
create table mobile_assignment (
    id          uuid        primary key,
    tenant_id   text        not null,
    member_id   uuid        not null,
    branch_id   uuid        not null,
    location    text,
    assigned_by text        not null,
    assigned_at timestamptz not null default now(),
    released_by text,
    released_at timestamptz,
    foreign key (tenant_id, member_id) references party_member (tenant_id, id),
    foreign key (tenant_id, branch_id) references party_organization (tenant_id, id)
);
create index mobile_assignment_tenant_member on mobile_assignment (tenant_id, member_id, assigned_at, id);
create unique index mobile_assignment_current on mobile_assignment (tenant_id, member_id) where released_at is null;

alter table mobile_assignment enable row level security;
alter table mobile_assignment force row level security;
create policy mobile_assignment_tenant on mobile_assignment
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
