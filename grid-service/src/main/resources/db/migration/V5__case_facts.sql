-- A narrow copy of what the statistics read of each case, kept in step with grid_case by a trigger: the statistics
-- scan this instead of the wide case rows (fixed-width columns first, so each row is cheap to read).
create table case_fact (
    case_id         uuid        primary key,
    reported_at     timestamptz not null,
    deadline_at     timestamptz not null,
    resolved_at     timestamptz,
    closed_at       timestamptz,
    evaluated_at    timestamptz,
    rating          smallint,
    tenant_id       text        not null,
    region          text        not null,
    street_path     text,
    community_path  text,
    grid_path       text
);
create index case_fact_tenant_reported on case_fact (tenant_id, reported_at);
alter table case_fact enable row level security;
alter table case_fact force row level security;
create policy case_fact_tenant on case_fact
    using (tenant_id = current_setting('app.tenant_id', true))
    with check (tenant_id = current_setting('app.tenant_id', true));

create function case_fact_sync() returns trigger language plpgsql as $$
begin
    insert into case_fact (case_id, reported_at, deadline_at, resolved_at, closed_at, evaluated_at, rating, tenant_id,
                           region, street_path, community_path, grid_path)
    values (new.id, new.reported_at, new.deadline_at, new.resolved_at, new.closed_at, new.evaluated_at, new.rating,
            new.tenant_id, new.region, new.street_path, new.community_path, new.grid_path)
    on conflict (case_id) do update set reported_at = excluded.reported_at, deadline_at = excluded.deadline_at,
        resolved_at = excluded.resolved_at, closed_at = excluded.closed_at, evaluated_at = excluded.evaluated_at,
        rating = excluded.rating;
    return null;
end
$$;

create trigger grid_case_fact after insert or update of reported_at, deadline_at, resolved_at, closed_at, evaluated_at,
    rating on grid_case for each row execute function case_fact_sync();
