-- The owner's page reads one account's checkouts newest first (of a register, of a day), the ones not finished yet,
-- and the names of the guests it shows: each by an index, whatever the number of accounts.
create index ix_checkout_account_created on checkout (account, created_at);
create index ix_checkout_account_status on checkout (account, status);
create index ix_customer_session_customer on customer_session (account, customer_id);
