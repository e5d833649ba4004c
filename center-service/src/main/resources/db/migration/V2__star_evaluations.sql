-- Site standards (八有, 六有 …), star rubrics and the yearly star evaluation of each center:
-- APPLIED → REVIEWED → SCORED → RATED → PUBLISHED, every step recorded in star_evaluation_step.

create table site_standard (
    id           uuid        primary key,
    tenant_id    text        not null,
    code         text        not null check (code ~ '^[0-9A-Za-z-]{1,40}$'),
    name         text        not null check (length(name) between 1 and 50),
    description  text        check (length(description) <= 1000),
    items        jsonb       not null,
    created_at   timestamptz not null default now(),
    unique (tenant_id, id),
    unique (tenant_id, code)
);
alter table site_standard enable row level security;
alter table site_standard force row level security;
create policy site_standard_tenant on site_standard
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- A rubric never changes once created (evaluations refer to it); next year's rules are a new rubric.
create table star_rubric (
    id              uuid        primary key,
    tenant_id       text        not null,
    name            text        not null check (length(name) between 1 and 100),
    year            int         not null check (year between 2000 and 2100),
    standard_id     uuid,
    indicators      jsonb       not null,
    star_thresholds jsonb       not null,
    reward_tiers    jsonb       not null,
    created_at      timestamptz not null default now(),
    unique (tenant_id, id),
    foreign key (tenant_id, standard_id) references site_standard (tenant_id, id)
);
create index star_rubric_tenant_year on star_rubric (tenant_id, year, id);
alter table star_rubric enable row level security;
alter table star_rubric force row level security;
create policy star_rubric_tenant on star_rubric
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table star_evaluation (
    id               uuid        primary key,
    tenant_id        text        not null,
    center_id        uuid        not null,
    rubric_id        uuid        not null,
    year             int         not null check (year between 2000 and 2100),
    status           text        not null check (status in ('APPLIED', 'REVIEWED', 'SCORED', 'RATED', 'PUBLISHED')),
    application      jsonb       not null,
    review           jsonb,
    scores           jsonb,
    total_score      numeric(6, 2),
    suggested_stars  smallint    check (suggested_stars between 0 and 5),
    stars            smallint    check (stars between 0 and 5),
    reward_tier      text,
    reward_fen       bigint      check (reward_fen >= 0),
    published_at     timestamptz,
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 1,
    unique (tenant_id, id),
    unique (tenant_id, center_id, year),
    foreign key (tenant_id, center_id) references center (tenant_id, id),
    foreign key (tenant_id, rubric_id) references star_rubric (tenant_id, id)
);
create index star_evaluation_tenant_status on star_evaluation (tenant_id, year, status, id);
create index star_evaluation_tenant_center on star_evaluation (tenant_id, center_id, year desc);
alter table star_evaluation enable row level security;
alter table star_evaluation force row level security;
create policy star_evaluation_tenant on star_evaluation
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

-- The full history: one row per step, never updated.
create table star_evaluation_step (
    id             uuid        primary key,
    tenant_id      text        not null,
    evaluation_id  uuid        not null,
    from_status    text,
    to_status      text        not null,
    actor          text        not null,
    actor_roles    text        not null,
    note           text,
    details        jsonb,
    at             timestamptz not null default clock_timestamp(),
    foreign key (tenant_id, evaluation_id) references star_evaluation (tenant_id, id)
);
create index star_evaluation_step_tenant_eval on star_evaluation_step (tenant_id, evaluation_id, at);
alter table star_evaluation_step enable row level security;
alter table star_evaluation_step force row level security;
create policy star_evaluation_step_tenant on star_evaluation_step
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
