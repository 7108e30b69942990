"""Shared test set-up: hypothesis profiles.

``dev`` (default) explores freely; ``ci`` (chosen when CI is set) is
derandomized so a CI run is reproducible, with no deadline on a busy machine.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))
