"""Read the built site as a reader's browser does: every page, offline, in light and dark, on a phone."""

import json
import re
import shutil
from pathlib import Path

import pytest

from browser import site_build, site_check

pytestmark = pytest.mark.browser

SEARCH_TERM = "gelu"

# Bytes a first visit may transfer, uncompressed as http.server sends them.
# The vendored MathJax (tex-svg-full.js) alone is 2.3 MB.
FIRST_VISIT_BUDGET = 4_000_000
# A repeat visit or a reload takes the assets from the cache and at most
# revalidates them, which costs a few hundred bytes of headers each.
REPEAT_VISIT_BUDGET = 200_000


def format_problems(reports, attribute):
    """Return one line per page that has a non-empty ``attribute``, for assertion messages."""
    lines = []
    for report in reports:
        value = getattr(report, attribute)
        if value:
            lines.append(f"  {report.page}: {value}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def page_reports(browser, site_url, site_pages):
    """Visit every page once at desktop width, measuring sideways scroll at phone width, and return the reports.

    Loading each page once keeps the suite within a few minutes: with
    routing on, Chromium caches nothing, so every page parses MathJax anew.
    """
    recorder = site_check.RecordingContext(browser)
    try:
        return [
            recorder.visit(site_url, page, overflow_viewport=site_check.PHONE_VIEWPORT) for page in site_pages
        ]
    finally:
        recorder.close()


def test_pages_request_only_loopback(page_reports):
    problems = format_problems(page_reports, "external_requests")
    assert not problems, f"pages requested hosts other than 127.0.0.1 (blocked):\n{problems}"


def test_pages_have_no_failed_requests(page_reports):
    problems = format_problems(page_reports, "failed_requests")
    assert not problems, f"requests to the site failed:\n{problems}"


def test_pages_log_no_console_errors(page_reports):
    problems = format_problems(page_reports, "console_errors")
    assert not problems, f"pages logged console errors:\n{problems}"


def test_pages_raise_no_script_errors(page_reports):
    problems = format_problems(page_reports, "page_errors")
    assert not problems, f"scripts raised uncaught errors:\n{problems}"


def test_images_load(page_reports):
    problems = format_problems(page_reports, "broken_images")
    assert not problems, f"images did not load (naturalWidth 0):\n{problems}"
    missing = format_problems(page_reports, "missing_image_files")
    assert not missing, f"image files (src or srcset) the server does not have:\n{missing}"


def test_images_have_alt_text(page_reports):
    problems = format_problems(page_reports, "images_without_alt")
    assert not problems, f"images have no alt text:\n{problems}"


def test_formulas_typeset(page_reports):
    assert any(report.math_count for report in page_reports), "no page of the site has math"
    untypeset = format_problems(page_reports, "untypeset_math")
    assert not untypeset, f"formulas that MathJax did not typeset:\n{untypeset}"
    raw = format_problems(page_reports, "raw_tex")
    assert not raw, f"raw TeX left in the text after MathJax finished:\n{raw}"
    errors = format_problems(page_reports, "math_errors")
    assert not errors, f"MathJax reported TeX errors:\n{errors}"


def test_pages_fit_phone_width(page_reports):
    problems = [
        f"  {report.page}: scrollWidth {report.scroll_width} > clientWidth {report.client_width}, "
        f"sticking out: {report.overflowing}"
        for report in page_reports
        if report.scrolls_sideways
    ]
    widths = {report.overflow_width for report in page_reports}
    assert widths == {site_check.PHONE_VIEWPORT["width"]}, f"measured at widths {widths}"
    assert not problems, "pages scroll sideways at 390 px:\n" + "\n".join(problems)


def copy_code_block(context, site_url, page, block_selector):
    """Click the copy button of the first block matching ``block_selector``.

    Returns the block's text and the clipboard's text afterwards.
    """
    context.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    context.page.goto(site_url + page, wait_until="load")
    block = context.page.locator(block_selector).first
    block.hover()
    button = block.locator("button.copybtn")
    assert button.count() == 1, f"{page}: the code block has no copy button (is sphinx-copybutton loaded?)"
    button.click()
    clipboard = context.page.evaluate("navigator.clipboard.readText()")
    return block.locator("pre").inner_text(), clipboard


def pages_with_prompts(site_dir, site_pages):
    """Return the pages whose code blocks show ``>>>`` prompts (doctest examples)."""
    marker = '<span class="gp">&gt;&gt;&gt; </span>'
    return [page for page in site_pages if marker in (Path(site_dir) / page).read_text(encoding="utf-8")]


def test_copy_button_copies_gallery_code(browser, site_url, site_pages):
    examples = site_build.gallery_example_pages(site_pages)
    assert examples, "the site has no gallery example pages"
    recorder = site_check.RecordingContext(browser)
    try:
        code, clipboard = copy_code_block(recorder, site_url, examples[0], "div.highlight-Python")
    finally:
        recorder.close()
    assert clipboard.strip(), f"{examples[0]}: the copy button put nothing on the clipboard"
    assert ">>> " not in clipboard, f"{examples[0]}: the clipboard has prompts:\n{clipboard}"
    assert clipboard.strip() == code.strip(), (
        f"{examples[0]}: the clipboard differs from the code block.\n"
        f"clipboard:\n{clipboard}\ncode block:\n{code}"
    )


def test_copy_button_strips_prompts(browser, site_url, site_dir, site_pages):
    pages = pages_with_prompts(site_dir, site_pages)
    assert pages, "no page shows a code block with >>> prompts"
    recorder = site_check.RecordingContext(browser)
    try:
        code, clipboard = copy_code_block(recorder, site_url, pages[0], "div.highlight:has(.gp)")
    finally:
        recorder.close()
    expected = "\n".join(
        line[4:] for line in code.splitlines() if line.startswith(">>> ") or line.startswith("... ")
    )
    assert ">>>" not in clipboard, f"{pages[0]}: the clipboard keeps >>> prompts:\n{clipboard}"
    assert clipboard.strip() == expected.strip(), (
        f"{pages[0]}: the clipboard should hold the input lines without prompts or output.\n"
        f"clipboard:\n{clipboard}\nexpected:\n{expected}"
    )


def test_search_finds_activation(browser, site_url):
    recorder = site_check.RecordingContext(browser)
    try:
        recorder.page.goto(f"{site_url}search.html?q={SEARCH_TERM}", wait_until="load")
        # Sphinx lists results one by one and writes the summary when done.
        recorder.page.wait_for_function(
            "() => { const s = document.querySelector('#search-results .search-summary, "
            "#search-results p'); return s && s.textContent.trim().length > 0; }",
            timeout=30_000,
        )
        links = recorder.page.eval_on_selector_all(
            "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
        )
    finally:
        recorder.close()
    matching = [link for link in links if SEARCH_TERM in link.split("?")[0].split("#")[0].lower()]
    assert matching, f"searching for {SEARCH_TERM!r} found no page named after it; results: {links}"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots(browser, site_url, site_pages, artifacts_dir, theme):
    """Save screenshots of the showcase pages at desktop and phone width (look at them after a change)."""
    screenshots = artifacts_dir / "screenshots"
    screenshots.mkdir(exist_ok=True)
    for width_name, viewport, phone in (
        ("desktop", site_check.DESKTOP_VIEWPORT, False),
        ("phone", site_check.PHONE_VIEWPORT, True),
    ):
        recorder = site_check.RecordingContext(
            browser, viewport=viewport, theme=theme, phone=phone, route=False
        )
        try:
            for name, page in site_build.showcase_pages(site_pages).items():
                report = recorder.visit(site_url, page)
                assert report.theme == theme, f"{page}: furo shows theme {report.theme!r}, expected {theme!r}"
                path = screenshots / f"{name}-{theme}-{width_name}.png"
                recorder.page.screenshot(path=path, full_page=True)
                assert path.stat().st_size > 0
        finally:
            recorder.close()


def test_page_weight_within_budget(browser, site_url, site_pages, artifacts_dir):
    weights = {
        name: site_check.measure_transfer(browser, site_url, page)
        for name, page in site_build.showcase_pages(site_pages).items()
    }
    (artifacts_dir / "page_weight.json").write_text(json.dumps(weights, indent=2) + "\n")
    for name, visits in weights.items():
        for visit, budget in (
            ("first_visit", FIRST_VISIT_BUDGET),
            ("repeat_visit", REPEAT_VISIT_BUDGET),
            ("reload", REPEAT_VISIT_BUDGET),
        ):
            transferred = visits[visit]["bytes"]
            assert transferred <= budget, (
                f"{name}: a {visit.replace('_', ' ')} transfers {transferred} bytes, over the budget of "
                f"{budget}; the largest resources: {visits[visit]['largest']}"
            )


# --------------------------------------------------------------------------
# The checks above must fail on a broken site. These break a copy of the
# built site in three ways and make sure the page reports show it.


def find_page(site_dir, site_pages, pattern, exclude=()):
    for page in site_pages:
        if page not in exclude and re.search(pattern, (site_dir / page).read_text(encoding="utf-8")):
            return page
    pytest.fail(f"no page of {site_dir} matches {pattern!r}")


def break_image(match):
    """Point an <img> tag at a missing file and drop its srcset, so the browser must load the missing file."""
    tag = re.sub(r'\ssrcset="[^"]*"', "", match[0])
    return re.sub(r'src="([^"]*)"', r'src="\1-missing.png"', tag, count=1)


@pytest.fixture(scope="module")
def broken_site(site_dir, site_pages, tmp_path_factory):
    """Copy the site and break three pages: math from a CDN, a missing image, a too-wide block."""
    copy = tmp_path_factory.mktemp("broken-site") / "html"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns(".doctrees"))

    math_page = find_page(copy, site_pages, r'<script[^>]+src="[^"]*mathjax[^"]*"')
    image_page = find_page(copy, site_pages, r"<img ", exclude=[math_page])
    wide_page = find_page(copy, site_pages, r"<body", exclude=[math_page, image_page])

    path = copy / math_page
    path.write_text(
        re.sub(
            r'(<script[^>]+src=")[^"]*mathjax[^"]*(")',
            r"\1https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-svg.js\2",
            path.read_text(encoding="utf-8"),
            count=1,
        ),
        encoding="utf-8",
    )
    path = copy / image_page
    path.write_text(re.sub(r"<img [^>]*>", break_image, path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    path = copy / wide_page
    path.write_text(
        re.sub(
            r"(<body[^>]*>)",
            r'\1<div style="width: 1200px">too wide for a phone</div>',
            path.read_text(encoding="utf-8"),
            count=1,
        ),
        encoding="utf-8",
    )
    return copy, {"math": math_page, "image": image_page, "wide": wide_page}


def test_checks_catch_broken_site(browser, broken_site):
    copy, pages = broken_site
    with site_build.SiteServer(copy) as server:
        recorder = site_check.RecordingContext(browser)
        try:
            math_report = recorder.visit(server.base_url, pages["math"])
            image_report = recorder.visit(server.base_url, pages["image"])
            wide_report = recorder.visit(
                server.base_url, pages["wide"], overflow_viewport=site_check.PHONE_VIEWPORT
            )
        finally:
            recorder.close()

    assert any("cdn.jsdelivr.net" in url for url in math_report.external_requests), math_report
    assert math_report.untypeset_math, math_report
    assert image_report.broken_images, image_report
    assert image_report.missing_image_files, image_report
    assert image_report.failed_requests, image_report
    assert wide_report.scrolls_sideways, wide_report
