-- The guest as Poster knows them (the Poster client the register app put on the order), so that Poster's webhook of a
-- receipt no checkout named settles a waiting checkout only on evidence: that guest, the bonus the checkout set, closed
-- at its register after it started (docs/checkout.md, "Which receipt settles a checkout"). Empty for checkouts started
-- with a bare inCust customer id and for those started before: only the register's word or the named receipt settles them.
alter table checkout add column poster_client_id varchar(50);
