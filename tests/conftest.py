"""Shared test configuration: the Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (set by CI) runs more examples; the default is quick enough for
a developer's every run.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
