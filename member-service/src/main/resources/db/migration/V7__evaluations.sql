-- Annual evaluation of central households (以奖代补): indicators computed from work logs and training, a score by
-- the community and one by the street, then a final score, grade and reward (integer fen) under the district's
-- policy for the year.
create table evaluation_policy (
    tenant_id              text        not null,
    year                   int         not null check (year between 2000 and 2100),
    visit_target           int         not null check (visit_target between 1 and 1000),
    case_target            int         not null check (case_target between 1 and 1000),
    training_target        int         not null check (training_target between 1 and 100),
    indicator_weight       int         not null check (indicator_weight between 0 and 100),
    community_weight       int         not null check (community_weight between 0 and 100),
    street_weight          int         not null check (street_weight between 0 and 100),
    excellent_min          int         not null check (excellent_min between 0 and 100),
    good_min               int         not null check (good_min between 0 and 100),
    pass_min               int         not null check (pass_min between 0 and 100),
    excellent_reward_fen   bigint      not null check (excellent_reward_fen >= 0),
    good_reward_fen        bigint      not null check (good_reward_fen >= 0),
    pass_reward_fen        bigint      not null check (pass_reward_fen >= 0),
    updated_by             text        not null,
    updated_at             timestamptz not null default now(),
    version                bigint      not null default 1,
    primary key (tenant_id, year),
    check (indicator_weight + community_weight + street_weight = 100),
    check (excellent_min >= good_min and good_min >= pass_min)
);

alter table evaluation_policy enable row level security;
alter table evaluation_policy force row level security;
create policy evaluation_policy_tenant on evaluation_policy
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create table evaluation (
    id                   uuid         primary key,
    tenant_id            text         not null,
    year                 int          not null check (year between 2000 and 2100),
    central_household_id uuid         not null,
    region               text         not null,
    visits               int          not null default 0,
    opinions             int          not null default 0,
    mediations           int          not null default 0,
    help_given           int          not null default 0,
    cases_helped         int          not null default 0,
    rating_count         int          not null default 0,
    average_rating       numeric(3,2),
    trainings_attended   int          not null default 0,
    indicator_score      numeric(5,2) not null default 0,
    computed_at          timestamptz  not null default now(),
    community_score      int          check (community_score between 0 and 100),
    community_comment    text,
    community_scored_by  text,
    community_scored_at  timestamptz,
    street_score         int          check (street_score between 0 and 100),
    street_comment       text,
    street_scored_by     text,
    street_scored_at     timestamptz,
    final_score          numeric(5,2),
    grade                text         check (grade in ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    reward_fen           bigint       check (reward_fen >= 0),
    finalized_by         text,
    finalized_at         timestamptz,
    status               text         not null default 'OPEN'
                                      check (status in ('OPEN', 'COMMUNITY_SCORED', 'STREET_SCORED', 'FINALIZED')),
    version              bigint       not null default 1,
    constraint evaluation_tenant_id unique (tenant_id, id),
    constraint evaluation_one_per_year unique (tenant_id, year, central_household_id),
    foreign key (tenant_id, central_household_id) references central_household (tenant_id, id),
    check (status <> 'FINALIZED' or (final_score is not null and grade is not null and reward_fen is not null))
);
create index evaluation_tenant_year_region on evaluation (tenant_id, year, region text_pattern_ops, id);
create index evaluation_tenant_year_rank on evaluation (tenant_id, year, final_score desc, indicator_score desc, id)
    where status = 'FINALIZED';

alter table evaluation enable row level security;
alter table evaluation force row level security;
create policy evaluation_tenant on evaluation
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
