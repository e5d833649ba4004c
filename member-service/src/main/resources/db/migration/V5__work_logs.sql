-- What central households do: visits, opinions collected, disputes mediated, help given, and help in grid
-- cases (credited from grid-service's case.closed events). A case credits a central household once.
create table work_log (
    id                   uuid        primary key,
    tenant_id            text        not null,
    central_household_id uuid        not null,
    kind                 text        not null check (kind in ('VISIT', 'OPINION_COLLECTED', 'DISPUTE_MEDIATED',
                                                                'HELP_GIVEN', 'CASE_HELP')),
    occurred_on          date        not null,
    summary              text        not null check (length(summary) between 1 and 1000),
    household_ids        uuid[]      not null default '{}',
    case_id              text,
    case_category        text,
    rating               smallint    check (rating between 1 and 5),
    source               text        not null check (source in ('MANUAL', 'GRID_CASE')),
    event_id             uuid,
    recorded_by          text        not null,
    recorded_at          timestamptz not null default now(),
    foreign key (tenant_id, central_household_id) references central_household (tenant_id, id),
    check ((kind = 'CASE_HELP') = (case_id is not null)),
    constraint work_log_one_per_case unique (tenant_id, central_household_id, case_id)
);
create index work_log_tenant_ch_date on work_log (tenant_id, central_household_id, occurred_on desc, id);
create index work_log_tenant_date on work_log (tenant_id, occurred_on);

alter table work_log enable row level security;
alter table work_log force row level security;
create policy work_log_tenant on work_log
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));
