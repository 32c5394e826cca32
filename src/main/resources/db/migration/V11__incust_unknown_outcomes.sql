-- A write to inCust whose outcome the service did not learn (its answer timed out or never came): the next attempt of
-- the same intent looks inCust's state up first instead of sending the write again (docs/checkout.md, "Sent once").
-- Written in a transaction of its own, as the call's own transaction rolls back.
create table incust_unknown_outcome (
    checkout_id  varchar(36)              not null,
    operation    varchar(20)              not null,
    happened_at  timestamp with time zone not null,
    constraint pk_incust_unknown_outcome primary key (checkout_id, operation)
);
