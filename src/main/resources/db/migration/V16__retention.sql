-- Records past their retention are deleted every night, oldest first (docs/operations.md, "Retention"): each by an
-- index on its age, whatever the table holds.
create index ix_checkout_created on checkout (created_at);
create index ix_customer_session_created on customer_session (created_at);
create index ix_day_check_day on day_check (business_day);
create index ix_poster_webhook_event_received on poster_webhook_event (received_at);
-- The owner's page names a sale's guest from their latest session: found at the end of this index, not by reading
-- every session the guest ever had.
drop index ix_customer_session_customer;
create index ix_customer_session_customer on customer_session (account, customer_id, updated_at);
-- The operators' list of one status newest first, and the count of the checkouts not finished (the metrics): the
-- few of a status found without passing the year of finished ones; of one account and status the same.
create index ix_checkout_status_created on checkout (status, created_at);
drop index ix_checkout_account_status;
create index ix_checkout_account_status on checkout (account, status, created_at);
