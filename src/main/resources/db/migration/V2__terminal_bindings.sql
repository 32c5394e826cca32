create table terminal_binding (
    id                 varchar(36)              not null primary key,
    account            varchar(100)             not null,
    spot_id            varchar(50)              not null,
    tablet_id          varchar(50)              not null,
    incust_login       varchar(255)             not null,
    incust_password    varchar(2000)            not null,
    terminal_id        varchar(100)             not null,
    terminal_title     varchar(255),
    terminal_currency  varchar(3)               not null,
    status             varchar(20)              not null,
    -- account/tablet while ACTIVE, null otherwise: at most one active binding per register, on H2 and PostgreSQL alike
    active_tablet      varchar(160),
    replaced_by        varchar(36),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint uq_terminal_binding_active_tablet unique (active_tablet)
);

create index ix_terminal_binding_account on terminal_binding (account);
