-- What Poster's receipt showed as paid with bonuses, what inCust was told, and, when they disagreed with the
-- register's report, the note for operators (docs/checkout.md, "The bonus Poster shows").
alter table checkout add column poster_payed_bonus decimal(14, 2);
alter table checkout add column finalized_bonus decimal(14, 2);
alter table checkout add column bonus_check varchar(1000);
