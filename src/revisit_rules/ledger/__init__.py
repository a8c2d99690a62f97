"""The service ledger: what was owed, what was done, and what follows (LED).

:mod:`revisit_rules.ledger.events` holds the events of the service log.
"""
