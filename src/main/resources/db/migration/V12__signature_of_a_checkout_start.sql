-- A checkout's start is taken once per signature too. Its Idempotency-Key is not signed, so the key a signature came
-- with is kept: the same signed start with the same key is the register's own repeat (answered the same checkout),
-- with another key a replay (refused) (docs/terminal-binding.md, "Register request signatures").
alter table register_signature add column intent varchar(200);
