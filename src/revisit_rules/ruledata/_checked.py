"""The days the rule entries were last checked against their sources (Rule.checked_on).

Each rule names its own day; these are the days of the two checks so far, so that a
rule changed later names the day it was checked then.
"""

from __future__ import annotations

import datetime as dt

#: The registry of the first rule book, checked against the rule book and the seeds.
_CHECKED = dt.date(2026, 11, 23)
#: Rule book v2: the revisit schedule, the convention, the blanks, rates and surveys.
_CHECKED_V2 = dt.date(2026, 12, 1)
