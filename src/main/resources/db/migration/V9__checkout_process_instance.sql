-- The checkout's own process instance: register calls and webhooks correlate with it directly instead of searching
-- the engine by business key (docs/performance.md). Empty for checkouts started before; they are found the old way.
alter table checkout add column process_instance_id varchar(64);
