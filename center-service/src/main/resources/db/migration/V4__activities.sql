-- Activities at centers: capacity, sign-up with a waiting list, check-in by staff or QR token, attendance.

create table activity (
    id                  uuid        primary key,
    tenant_id           text        not null,
    center_id           uuid        not null,
    room_id             uuid,
    booking_id          uuid,
    category            text        not null check (category in ('PARTY_EDUCATION', 'VOLUNTEER_SERVICE', 'CULTURE_SPORTS',
                                        'LEGAL_EDUCATION', 'HEALTH', 'ELDERLY_CARE', 'CHILDREN', 'EMPLOYMENT', 'OTHER')),
    title               text        not null check (length(title) between 1 and 100),
    description         text        check (length(description) <= 2000),
    place               text        not null check (length(place) between 1 and 100),
    starts_at           timestamptz not null,
    ends_at             timestamptz not null,
    signup_deadline     timestamptz,
    capacity            int         not null check (capacity between 1 and 100000),
    confirmed_count     int         not null default 0 check (confirmed_count >= 0),
    waitlist_count      int         not null default 0 check (waitlist_count >= 0),
    status              text        not null default 'PUBLISHED' check (status in ('PUBLISHED', 'CANCELLED')),
    checkin_token_hash  text,
    created_by          text        not null,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             bigint      not null default 1,
    check (starts_at < ends_at),
    check (confirmed_count <= capacity),
    unique (tenant_id, id),
    foreign key (tenant_id, center_id) references center (tenant_id, id),
    foreign key (tenant_id, room_id) references room (tenant_id, id),
    foreign key (tenant_id, booking_id) references booking (tenant_id, id)
);
create index activity_tenant_center_time on activity (tenant_id, center_id, starts_at);
create index activity_tenant_time on activity (tenant_id, starts_at, id);
alter table activity enable row level security;
alter table activity force row level security;
create policy activity_tenant on activity
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table activity_signup (
    id                   uuid        primary key,
    tenant_id            text        not null,
    activity_id          uuid        not null,
    participant_subject  text        not null check (length(participant_subject) between 1 and 200),
    participant_name     text        check (length(participant_name) <= 50),
    status               text        not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    queued_at            timestamptz not null default clock_timestamp(),
    signed_up_by         text        not null,
    checked_in_at        timestamptz,
    checked_in_by        text,
    check_in_method      text        check (check_in_method in ('STAFF', 'QR')),
    cancelled_at         timestamptz,
    created_at           timestamptz not null default now(),
    foreign key (tenant_id, activity_id) references activity (tenant_id, id)
);
create unique index activity_signup_one_active on activity_signup (tenant_id, activity_id, participant_subject)
    where status <> 'CANCELLED';
create index activity_signup_tenant_queue on activity_signup (tenant_id, activity_id, status, queued_at, id);
create index activity_signup_tenant_participant on activity_signup (tenant_id, participant_subject, created_at desc);
alter table activity_signup enable row level security;
alter table activity_signup force row level security;
create policy activity_signup_tenant on activity_signup
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
