-- Training courses for party members and who attended them (feeds the annual evaluation).
create table training_course (
    id               uuid        primary key,
    tenant_id        text        not null,
    title            text        not null check (length(title) between 1 and 200),
    region           text        not null,
    organization_id  uuid,
    starts_at        timestamptz not null,
    duration_minutes int         not null check (duration_minutes between 1 and 1440),
    location         text,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    constraint training_course_tenant_id unique (tenant_id, id),
    foreign key (tenant_id, organization_id) references party_organization (tenant_id, id)
);
create index training_course_tenant_region on training_course (tenant_id, region text_pattern_ops, starts_at, id);
create index training_course_tenant_start on training_course (tenant_id, starts_at, id);

alter table training_course enable row level security;
alter table training_course force row level security;
create policy training_course_tenant on training_course
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table training_attendance (
    tenant_id   text        not null,
    course_id   uuid        not null,
    member_id   uuid        not null,
    recorded_by text        not null,
    recorded_at timestamptz not null default now(),
    primary key (tenant_id, course_id, member_id),
    foreign key (tenant_id, course_id) references training_course (tenant_id, id),
    foreign key (tenant_id, member_id) references party_member (tenant_id, id)
);
create index training_attendance_tenant_member on training_attendance (tenant_id, member_id, course_id);

alter table training_attendance enable row level security;
alter table training_attendance force row level security;
create policy training_attendance_tenant on training_attendance
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
