-- The owner's page finds the installation of the account number Poster's back office names: by an index, among
-- thousands of installed accounts.
create index ix_installation_account_number on installation (account_number);
