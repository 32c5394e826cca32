create table checkout (
    id                     varchar(36)              not null primary key,
    account                varchar(100)             not null,
    tablet_id              varchar(50)              not null,
    binding_id             varchar(36)              not null,
    idempotency_key        varchar(200)             not null,
    request_hash           varchar(64)              not null,
    order_id               varchar(100)             not null,
    transaction_id         varchar(50),
    customer_id            varchar(100)             not null,
    currency               varchar(3)               not null,
    total                  decimal(14, 2)           not null,
    items                  varchar(20000)           not null,
    status                 varchar(30)              not null,
    offer                  varchar(5000),
    redemption             varchar(2000),
    result                 varchar(2000),
    incust_transaction_id  varchar(100),
    reserved_bonuses       decimal(14, 2),
    confirmation           varchar(1000),
    confirmed              boolean                  not null default false,
    payed_bonus            decimal(14, 2),
    rejection              varchar(1000),
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    -- the register retries with its order id as Idempotency-Key: one checkout per register and key
    constraint uq_checkout_idempotency unique (account, tablet_id, idempotency_key)
);

create index ix_checkout_transaction on checkout (account, transaction_id);
