"""Fixtures for the browser tests: the built site, a loopback server and headless Chromium.

The site is the one in ``NONLIN_SITE_DIR`` when that is set, used as it is
(``NONLIN_SITE_DIR=docs/_build/html`` after ``make html`` is the quick way to
check a build by hand). Otherwise it is the session's clean build of a copy
of the tree (``site_build.shared_clean_build``), which the build tests reuse.
"""

import os
from pathlib import Path

import pytest

from browser import site_build, site_check

ARTIFACTS_DIR = site_build.REPOSITORY_ROOT / "test-artifacts"


def running_in_ci():
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def chromium_path():
    """Return Debian's Chromium, skipping (failing in CI) when it is not installed."""
    if not site_check.CHROMIUM_PATH.is_file():
        message = (
            f"{site_check.CHROMIUM_PATH} not found; install Debian's Chromium with "
            "'apt-get install chromium' (Playwright's own browser download is not used)"
        )
        if running_in_ci():
            pytest.fail(message + "; CI=true, so a missing browser fails instead of skipping")
        pytest.skip(message)
    return site_check.CHROMIUM_PATH


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """Return the directory of the built site, building it first unless NONLIN_SITE_DIR is set."""
    configured = os.environ.get(site_build.SITE_DIR_VARIABLE)
    if configured:
        directory = Path(configured)
        if not (directory / "index.html").is_file():
            pytest.fail(
                f"{site_build.SITE_DIR_VARIABLE}={configured} has no index.html; "
                "point it at a built site (e.g. docs/_build/html after 'make html') or unset it"
            )
        return directory

    result = site_build.shared_clean_build(tmp_path_factory)
    result.check()
    return result.html_dir


@pytest.fixture(scope="session")
def site_pages(site_dir):
    """Return every HTML page of the site, relative to its root."""
    pages = site_build.html_pages(site_dir)
    assert "index.html" in pages, f"{site_dir} has no index.html"
    return pages


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Serve the built site on 127.0.0.1 and return its base URL."""
    with site_build.SiteServer(site_dir) as server:
        yield server.base_url


@pytest.fixture(scope="session")
def browser(chromium_path):
    """Launch one headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = site_check.launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts_dir():
    """Return test-artifacts/ (gitignored), where screenshots and measurements go."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR
