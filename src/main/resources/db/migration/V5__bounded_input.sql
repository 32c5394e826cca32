-- Webhooks are de-duplicated on the fields their signature covers: Poster's account_number is not among them, so it
-- is no longer stored or trusted. Nothing read the stored data.
alter table poster_webhook_event drop constraint uq_poster_webhook_event;
alter table poster_webhook_event drop column account_number;
alter table poster_webhook_event drop column data;
alter table poster_webhook_event add constraint uq_poster_webhook_event unique (account, object, object_id, action, event_time);

-- JSON held for a register or taken from inCust: a real order of hundreds of lines, a wallet of many coupons.
alter table checkout alter column items set data type varchar(1000000);
alter table checkout alter column offer set data type varchar(1000000);
alter table checkout alter column redemption set data type varchar(1000000);
alter table checkout alter column result set data type varchar(1000000);
alter table checkout alter column confirmation set data type varchar(1000000);
alter table checkout alter column rejection set data type varchar(1000000);
alter table customer_session alter column customer set data type varchar(1000000);

-- Whether a register may start a checkout with a bare inCust customer id, without a customer session of its own.
alter table terminal_binding add column customer_id_without_session boolean default false not null;

-- Install links carry their expiry and a MAC (72 hex characters); a row is written only when one comes back.
alter table oauth_state alter column state set data type varchar(100);
