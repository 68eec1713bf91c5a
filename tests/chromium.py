"""What the browser tests share: where headless Chromium is, how it is launched, the
window sizes, and the marks that skip a module when Chromium is missing.

``.ci/system-deps`` installs chromium on CI; playwright is a dev dependency. The
``browser`` fixture itself is in tests/conftest.py.
"""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE, DESKTOP = (390, 844), (1280, 900)
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason=f"no headless chromium at {CHROMIUM} (run .ci/system-deps)",
    ),
]
