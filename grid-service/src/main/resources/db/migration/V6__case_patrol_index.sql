-- A patrol's findings are the cases it reported: looked up per patrol, so a tenant-leading index on the link
-- (without it the patrol view read every case of the table).
create index grid_case_tenant_patrol on grid_case (tenant_id, patrol_id) where patrol_id is not null;
