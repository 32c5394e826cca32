-- Signatures of register calls that must have one effect (a new customer session, a code, a new code sent): a
-- signature is stored once, so the same signed request re-sent within its 300 s is refused (docs/terminal-binding.md).
-- Rows older than the signature's own life are purged.
create table register_signature (
    signature varchar(64)              not null primary key,
    used_at   timestamp with time zone not null
);
create index register_signature_used_at on register_signature (used_at);
