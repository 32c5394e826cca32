-- A completed sale undone in inCust (docs/checkout.md, "Returns"). One row per checkout: the primary key, with the
-- checkout row locked while it is written, is what keeps a second webhook, a second request or a second node from
-- starting a second reversal.
create table sale_reversal (
    checkout_id   varchar(36)              not null primary key references checkout (id),
    reason        varchar(500)             not null,
    -- POSTER: Poster reported the receipt deleted; OPERATOR: asked through the admin API
    requested_by  varchar(20)              not null,
    requested_at  timestamp with time zone not null,
    -- CANCELLED_IN_INCUST, REVERSED_BY_HAND or NOT_POSSIBLE; null while it runs
    outcome       varchar(30),
    finished_at   timestamp with time zone
);
