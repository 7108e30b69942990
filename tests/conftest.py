"""Shared test set-up: hypothesis profiles, a scratch folder to run argmap in,
and the system's Chromium for the tests of pages argmap writes.

``dev`` (default) explores freely; ``ci`` (chosen when CI is set) is
derandomized so a CI run is reproducible, with no deadline on a busy machine.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings

from tests.language import EN

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def run_in_empty_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run argmap in an empty directory (no pyproject.toml above it), in an
    English locale unless ``env`` says otherwise (EN and JA of tests/language.py)."""
    from argmap.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        "argmap.checks.config.find_pyproject",
        lambda start=".": (tmp_path / "pyproject.toml") if (tmp_path / "pyproject.toml").exists() else None,
    )

    def invoke(*args: str, env: dict[str, str | None] | None = None) -> Result:
        return CliRunner().invoke(main, list(args), env={**EN, **(env or {})})

    return invoke


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One Chromium (the system's, driven by Playwright) for every test of pages
    argmap writes; launching takes a second. Chromium is a system requirement of
    the test suite: without it these tests fail, saying how to install it."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Chromium is not installed: the pages argmap writes are tested in the system's Chromium. "
            "Run `make system-deps` (tools/system-deps.sh installs it), or `sudo apt-get install chromium`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()
