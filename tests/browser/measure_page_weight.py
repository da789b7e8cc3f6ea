"""Measure the bytes a reader downloads for the site's showcase pages and write page_weight.json.

Usage (from the repository root, after ``make html``)::

    .venv/bin/python tests/browser/measure_page_weight.py [SITE_DIR]

SITE_DIR defaults to ``$NONLIN_SITE_DIR`` or ``docs/_build/html``. The site
is served by Python's http.server on 127.0.0.1, which sends files
uncompressed with a Last-Modified header and no Cache-Control, and read by
Debian's Chromium (``/usr/bin/chromium``). Each page gets a first visit
(empty cache), a repeat visit and a reload; see
``site_check.measure_transfer``. Because GitHub Pages and Read the Docs
compress text, the output also gives the first visit's size with every
resource gzip-compressed (level 6), an estimate of what those hosts send.
"""

import argparse
import gzip
import json
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from browser import site_build, site_check  # noqa: E402

OUTPUT = Path(__file__).with_name("page_weight.json")


def gzip_size(site_dir, base_url, url):
    """Return the gzip-compressed size of the file behind ``url``, or None if it is not a file of the site."""
    if not url.startswith(base_url):
        return None
    path = Path(site_dir) / unquote(urlsplit(url).path).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    if not path.is_file():
        return None
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def measure(site_dir):
    """Return the page weights of the showcase pages of the site in ``site_dir``."""
    from playwright.sync_api import sync_playwright

    pages = site_build.showcase_pages(site_build.html_pages(site_dir))
    results = {}
    with site_build.SiteServer(site_dir) as server, sync_playwright() as playwright:
        browser = site_check.launch_chromium(playwright)
        try:
            for name, page in pages.items():
                visits = site_check.measure_transfer(browser, server.base_url, page, largest=None)
                every_resource = visits["first_visit"]["largest"]
                compressed = [gzip_size(site_dir, server.base_url, server.base_url + url) for url in every_resource]
                results[name] = {
                    "page": page,
                    "first_visit_bytes": visits["first_visit"]["bytes"],
                    "first_visit_requests": visits["first_visit"]["requests"],
                    "first_visit_gzip_bytes_estimate": sum(size for size in compressed if size is not None),
                    "repeat_visit_bytes": visits["repeat_visit"]["bytes"],
                    "reload_bytes": visits["reload"]["bytes"],
                    "largest_first_visit": dict(list(every_resource.items())[:5]),
                }
        finally:
            browser.close()
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "site_dir",
        nargs="?",
        type=Path,
        default=Path(os.environ.get(site_build.SITE_DIR_VARIABLE) or site_build.REPOSITORY_ROOT / site_build.HTML_DIR),
        help="built site to measure (default: $NONLIN_SITE_DIR or docs/_build/html)",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"JSON file to write (default: {OUTPUT})")
    args = parser.parse_args()

    if not (args.site_dir / "index.html").is_file():
        parser.error(f"{args.site_dir} has no index.html; run 'make html' first or pass a built site")
    if not site_check.CHROMIUM_PATH.is_file():
        parser.error(f"{site_check.CHROMIUM_PATH} not found; install it with 'apt-get install chromium'")

    results = measure(args.site_dir)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    for name, weight in results.items():
        print(
            f"{name:<11} {weight['page']:<45} first visit {weight['first_visit_bytes']:>9} B "
            f"(gzip about {weight['first_visit_gzip_bytes_estimate']:>9} B), "
            f"repeat {weight['repeat_visit_bytes']:>6} B, reload {weight['reload_bytes']:>6} B"
        )
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
