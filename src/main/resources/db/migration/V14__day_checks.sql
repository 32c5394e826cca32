-- The nightly check of a café's day (docs/reconciliation.md): Poster's receipts of the day and inCust's transactions
-- of the account's terminals, read page by page into these tables (so memory stays bounded whatever the day's size),
-- matched with the service's checkouts and returns; each difference found, fixed where safe, or left open.
create table day_check (
    id                varchar(36)              not null primary key,
    account           varchar(100)             not null,
    business_day      date                     not null,
    -- RUNNING while the model runs, DONE when it has reported (FAILED is read from an incident of its instance)
    status            varchar(20)              not null,
    receipts          integer,
    loyalty_receipts  integer,
    agreed            integer,
    fixed             integer,
    open_differences  integer,
    started_at        timestamp with time zone not null,
    finished_at       timestamp with time zone
);
create index ix_day_check_account_day on day_check (account, business_day);

create table day_check_receipt (
    day_check_id    varchar(36)    not null references day_check (id),
    transaction_id  varchar(50)    not null,
    -- Poster's status: OPEN, CLOSED, DELETED
    state           varchar(10)    not null,
    payed_bonus     decimal(14, 2) not null,
    print_fiscal    integer        not null,
    constraint pk_day_check_receipt primary key (day_check_id, transaction_id)
);

create table day_check_sale (
    day_check_id           varchar(36)    not null references day_check (id),
    incust_transaction_id  varchar(100)   not null,
    binding_id             varchar(36)    not null,
    external_id            varchar(100),
    status                 varchar(30)    not null,
    paid                   decimal(14, 2) not null,
    returned_amount        decimal(14, 2),
    -- a receipt of the day is this sale's: what is left unexplained is an unknown sale or a reservation held
    explained              boolean        not null default false,
    constraint pk_day_check_sale primary key (day_check_id, incust_transaction_id)
);

create table day_check_difference (
    id                     varchar(36)    not null primary key,
    day_check_id           varchar(36)    not null references day_check (id),
    kind                   varchar(30)    not null,
    transaction_id         varchar(50),
    checkout_id            varchar(36),
    incust_transaction_id  varchar(100),
    poster_bonus           decimal(14, 2),
    incust_bonus           decimal(14, 2),
    -- what is safe to do: FINALIZED, REVERSED, RELEASED; null when a person must look
    fix                    varchar(20),
    -- OPEN until the fix is made (FIXED), or for good
    status                 varchar(10)    not null,
    detail                 varchar(1000)  not null
);
create index ix_day_check_difference_check on day_check_difference (day_check_id);
