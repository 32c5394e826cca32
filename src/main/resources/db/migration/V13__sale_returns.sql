-- Returns of part of a completed sale (a fiscal return at a register, docs/checkout.md "Returns"): many per checkout,
-- each once per Idempotency-Key of its account, written with the checkout's row locked so that the counts checked
-- against what was sold less earlier returns cannot be overtaken by another return.
create table sale_return (
    id                     varchar(36)              not null primary key,
    checkout_id            varchar(36)              not null references checkout (id),
    account                varchar(100)             not null,
    idempotency_key        varchar(200)             not null,
    request_hash           varchar(64)              not null,
    -- the register that reported it (any register of the account may return any of its receipts)
    tablet_id              varchar(50)              not null,
    transaction_id         varchar(50)              not null,
    -- [{productId, modificationId, count}] as returned
    products               varchar(20000)           not null,
    amount                 decimal(14, 2)           not null,
    -- RETURNING while inCust is asked, RETURNED once it applied the return
    status                 varchar(20)              not null,
    bonus_points_returned  decimal(14, 2),
    bonus_points_removed   decimal(14, 2),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint uq_sale_return_key unique (account, idempotency_key)
);
create index ix_sale_return_checkout on sale_return (checkout_id);
