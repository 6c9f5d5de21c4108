"""Shared test configuration: Hypothesis profiles.

Properties without their own ``max_examples`` run 100 examples locally and 400 under CI
(``CI`` set in the environment, or ``HYPOTHESIS_PROFILE=ci``). Deadlines are off: a loaded
machine must not turn a slow example into a failure; speed is measured in ``bench/``. CI
runs are derandomized, so a landing is reproducible; local runs keep exploring new examples.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, max_examples=400, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
