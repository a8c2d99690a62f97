"""The service ledger: what was owed, what was done, and what follows (LED).

:mod:`revisit_rules.service_ledger.events` holds the events of the service log.
"""
