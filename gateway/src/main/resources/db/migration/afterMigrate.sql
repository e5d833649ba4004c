-- Flyway callback after every migrate: (re)grants the application role exactly what it needs. The role name
-- comes from the app_role placeholder (the datasource user). Audit rows are append-only for the application.
grant usage on schema public to "${app_role}";
grant select, insert, update on tenant to "${app_role}";
grant select, insert, update on integrator_client to "${app_role}";
grant select, insert on integrator_call_audit to "${app_role}";
grant usage on all sequences in schema public to "${app_role}";
