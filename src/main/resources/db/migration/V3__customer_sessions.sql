-- The account owner's country (ISO 3166 alpha-2) from the OAuth answer: the default region for phone numbers.
alter table installation add column country varchar(2);

create table customer_session (
    id                  varchar(36)              not null primary key,
    account             varchar(100)             not null,
    tablet_id           varchar(50)              not null,
    binding_id          varchar(36)              not null,
    identifier_type     varchar(20)              not null,
    -- the normalised identifier (E.164 phone, lower-case email, ...): personal data, kept out of process variables
    identifier_value    varchar(512)             not null,
    status              varchar(20)              not null,
    customer_id         varchar(100),
    customer            varchar(20000),
    customer_birth_date varchar(10),
    poster_client_id    varchar(50),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);

create index ix_customer_session_register on customer_session (account, tablet_id);
