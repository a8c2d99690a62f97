"""Shared test configuration: the Hypothesis profiles.

``ci`` runs more examples: it is the default where ``CI`` is set (as CI sets it), and
``HYPOTHESIS_PROFILE`` names a profile explicitly. ``dev`` is quick enough for a
developer's every run.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
