"""The documentation site: every catalogue entry has its gallery page, figure and API pages.

The tests marked ``build`` build the whole site once per session from a
fresh copy of the tree in a temporary folder, with the sphinx-build command
line of ``make html``, and read the HTML it writes. The unmarked tests read
only the sources and run in a second.
"""

import dataclasses
import doctest
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import nonlin
import nonlin.plotting
from browser import site_build
from nonlin.catalogue import CATALOGUE, FAMILIES

REPOSITORY_ROOT = site_build.REPOSITORY_ROOT
GALLERY_DIR = REPOSITORY_ROOT / "gallery"
MATHJAX_SCRIPT = "_static/mathjax/tex-svg-full.js"
# Gallery sections that are not families of the catalogue.
EXTRA_GALLERY_SECTIONS = {"comparisons"}


# --- Reading built pages ------------------------------------------------------


class PageParser(HTMLParser):
    """Collect the attributes of the elements that load or link resources."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []
        self.scripts = []
        self.links = []
        self.anchors = []
        self.ids = set()
        self.has_math = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        classes = (attributes.get("class") or "").split()
        if "math" in classes:
            self.has_math = True
        if tag == "img":
            self.images.append(attributes)
        elif tag == "script":
            self.scripts.append(attributes)
        elif tag == "link":
            self.links.append(attributes)
        elif tag == "a":
            self.anchors.append(attributes)


def parse_page(path):
    parser = PageParser()
    parser.feed(Path(path).read_text(encoding="utf-8"))
    return parser


def external_resources(page):
    """Return the src/href values of scripts, style links and images that name a host."""
    found = []
    for attributes, key in [(a, "src") for a in page.scripts + page.images] + [(a, "href") for a in page.links]:
        value = attributes.get(key) or ""
        if "http" in value or value.startswith("//"):
            found.append(value)
    for image in page.images:
        found += [part for part in (image.get("srcset") or "").split() if "http" in part]
    return found


def existing_images(site_dir, page_path, page):
    """Return the src of every <img> on the page whose file exists (data: URIs count as existing)."""
    present = []
    for image in page.images:
        source = image.get("src") or ""
        if source.startswith("data:"):
            present.append(source)
        elif source and (Path(site_dir) / Path(page_path).parent / source).resolve().is_file():
            present.append(source)
    return present


def gallery_page_path(entry):
    return f"auto_examples/{entry.family}/plot_{entry.name}.html"


def gallery_page_problems(site_dir, entries):
    """Return ``{entry name: problem}`` for entries whose gallery page is missing or has no figure."""
    problems = {}
    for entry in entries:
        page_path = gallery_page_path(entry)
        path = Path(site_dir) / page_path
        if not path.is_file():
            problems[entry.name] = f"no page {page_path}"
            continue
        page = parse_page(path)
        figures = [src for src in existing_images(site_dir, page_path, page) if "sphx_glr_" in src]
        if not figures:
            problems[entry.name] = f"{page_path} shows no figure whose image file exists"
    return problems


# --- Fast checks of the sources -----------------------------------------------


def test_gallery_script_per_entry():
    missing = [
        f"gallery/{entry.family}/plot_{entry.name}.py"
        for entry in CATALOGUE.values()
        if not (GALLERY_DIR / entry.family / f"plot_{entry.name}.py").is_file()
    ]
    assert not missing, "catalogue entries without a gallery script (copy a page of the same family): " + ", ".join(
        missing
    )


def test_gallery_scripts_match_catalogue():
    names = {(entry.family, f"plot_{entry.name}.py") for entry in CATALOGUE.values()}
    strays = [
        str(path.relative_to(REPOSITORY_ROOT))
        for path in GALLERY_DIR.glob("*/plot_*.py")
        if path.parent.name not in EXTRA_GALLERY_SECTIONS and (path.parent.name, path.name) not in names
    ]
    assert not strays, f"gallery scripts with no catalogue entry of that name and family: {strays}"


def test_gallery_section_headers_match_families():
    for family, title in FAMILIES.items():
        readme = GALLERY_DIR / family / "README.rst"
        assert readme.is_file(), f"{readme} is missing: every family needs a gallery section header"
        lines = readme.read_text(encoding="utf-8").splitlines()
        assert lines[0] == title, f"{readme} starts with {lines[0]!r}; FAMILIES titles it {title!r}"


def test_gallery_scripts_call_their_functions():
    # The API pages list the gallery pages that call a function, found by
    # sphinx-gallery in the script's code.
    for entry in CATALOGUE.values():
        script = GALLERY_DIR / entry.family / f"plot_{entry.name}.py"
        if not script.is_file():
            continue
        code = script.read_text(encoding="utf-8")
        for function in (entry.function, entry.derivative):
            assert f"nonlin.{function.__name__}(" in code, f"{script.name} never calls nonlin.{function.__name__}"


@pytest.mark.parametrize("page", ["index.md", "installation.md", "quickstart.md"])
def test_narrative_examples_run(page):
    pytest.importorskip("matplotlib")
    result = doctest.testfile(
        str(REPOSITORY_ROOT / "docs" / page),
        module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
        verbose=False,
    )
    assert result.failed == 0, f"{result.failed} of the examples in docs/{page} give other output (run doctest on it)"


# --- The built site -------------------------------------------------------------


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """Return the HTML folder of the session's one clean build, shared with the browser and build tests."""
    result = site_build.shared_clean_build(tmp_path_factory)
    result.check()
    return result.html_dir


@pytest.fixture(scope="session")
def all_pages(site_dir):
    return site_build.html_pages(site_dir)


@pytest.mark.build
def test_home_page_shows_front_image(site_dir):
    page = parse_page(site_dir / "index.html")
    images = existing_images(site_dir, "index.html", page)
    assert any("sphx_glr_plot_grid_001" in src for src in images), f"index.html shows no grid figure: {images}"


@pytest.mark.build
def test_gallery_page_per_entry(site_dir):
    problems = gallery_page_problems(site_dir, CATALOGUE.values())
    assert not problems, f"gallery pages missing or without a figure: {problems}"


@pytest.mark.build
def test_entry_without_page_detected(site_dir):
    ghost = dataclasses.replace(next(iter(CATALOGUE.values())), name="activation_without_page")
    problems = gallery_page_problems(site_dir, [*CATALOGUE.values(), ghost])
    assert "activation_without_page" in problems


@pytest.mark.build
def test_grid_page_has_every_figure(site_dir):
    page_path = "auto_examples/comparisons/plot_grid.html"
    page = parse_page(site_dir / page_path)
    figures = [src for src in existing_images(site_dir, page_path, page) if "sphx_glr_plot_grid_" in src]
    families = {entry.family for entry in CATALOGUE.values()}
    # One figure of every entry, then one per family that has entries.
    assert len(figures) >= 1 + len(families), f"{page_path} shows {len(figures)} figures: {figures}"


@pytest.mark.build
def test_comparison_table_lists_every_entry(site_dir):
    text = (site_dir / "comparison.html").read_text(encoding="utf-8")
    for entry in CATALOGUE.values():
        assert f"nonlin.{entry.function.__name__}" in text, f"comparison.html has no row for {entry.name}"


@pytest.mark.build
def test_api_page_per_public_function(site_dir):
    for name in nonlin.__all__:
        path = site_dir / "api" / "generated" / f"nonlin.{name}.html"
        assert path.is_file(), f"no API page for nonlin.{name}"
        assert f"nonlin.{name}" in parse_page(path).ids, f"{path.name} does not document nonlin.{name}"
    for name in nonlin.plotting.__all__:
        value = getattr(nonlin.plotting, name)
        if callable(value):
            assert (site_dir / "api" / "generated" / f"nonlin.plotting.{name}.html").is_file()


@pytest.mark.build
def test_gallery_and_api_pages_link_each_other(site_dir):
    for entry in CATALOGUE.values():
        gallery = parse_page(site_dir / gallery_page_path(entry))
        api_file = f"nonlin.{entry.function.__name__}.html"
        links = [anchor.get("href") or "" for anchor in gallery.anchors]
        assert any(api_file in href for href in links), f"{gallery_page_path(entry)} has no link to {api_file}"
        api = parse_page(site_dir / "api" / "generated" / api_file)
        back = f"plot_{entry.name}.html"
        assert any(back in (a.get("href") or "") for a in api.anchors), f"{api_file} has no link to {back}"


@pytest.mark.build
def test_math_uses_local_mathjax(site_dir, all_pages):
    pages_with_math = 0
    for page_path in all_pages:
        page = parse_page(site_dir / page_path)
        if not page.has_math:
            continue
        pages_with_math += 1
        # Sphinx appends a cache-busting query (``?v=...``) to every script.
        sources = [(script.get("src") or "").split("?")[0] for script in page.scripts]
        assert any(src.endswith(MATHJAX_SCRIPT) for src in sources), f"{page_path} has math but loads {sources}"
    assert pages_with_math >= len(CATALOGUE), f"only {pages_with_math} pages contain math"
    assert (site_dir / MATHJAX_SCRIPT).is_file()


@pytest.mark.build
def test_no_page_loads_another_host(site_dir, all_pages):
    offenders = {}
    for page_path in all_pages:
        found = external_resources(parse_page(site_dir / page_path))
        if found:
            offenders[page_path] = found
    assert not offenders, f"pages that load scripts, styles or images from another host: {offenders}"


@pytest.mark.build
def test_gallery_pages_offer_downloads(site_dir):
    for entry in CATALOGUE.values():
        text = (site_dir / gallery_page_path(entry)).read_text(encoding="utf-8")
        for suffix in (".py", ".ipynb"):
            assert re.search(rf'href="[^"]*plot_{entry.name}\{suffix}"', text), (
                f"{gallery_page_path(entry)} offers no {suffix} download"
            )


# --- Gallery scripts run with warnings as errors ----------------------------------


WARNING_SCRIPT = '''"""
A script that warns
===================

Text.
"""

import numpy as np

np.exp(np.float64(1000.0))
'''

SMALL_CONF = '''
import runpy
from pathlib import Path

site = runpy.run_path(str(Path(__file__).parent / "docs" / "conf.py"))
extensions = ["sphinx_gallery.gen_gallery"]
sphinx_gallery_conf = dict(
    site["sphinx_gallery_conf"],
    examples_dirs="gallery",
    gallery_dirs="auto_examples",
    subsection_order=None,
    backreferences_dir=None,
    doc_module=(),
)
'''


@pytest.mark.build
def test_gallery_warning_fails_build(tmp_path):
    # The site's own gallery settings, on a one-script gallery whose code
    # overflows: NumPy warns, and the build must fail rather than show the warning.
    shutil.copytree(REPOSITORY_ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns(
        "_build", "auto_examples", "generated"))
    (tmp_path / "gallery").mkdir()
    (tmp_path / "gallery" / "README.rst").write_text("Gallery\n=======\n", encoding="utf-8")
    (tmp_path / "gallery" / "plot_warns.py").write_text(WARNING_SCRIPT, encoding="utf-8")
    (tmp_path / "conf.py").write_text(SMALL_CONF, encoding="utf-8")
    (tmp_path / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   auto_examples/index\n", encoding="utf-8")
    completed = subprocess.run(
        [str(Path(sys.executable).with_name("sphinx-build")), "-b", "html", "-W", "--keep-going", "-q",
         str(tmp_path), str(tmp_path / "_build")],
        capture_output=True, text=True, timeout=600,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0, f"a gallery script that warns did not fail the build:\n{output[-3000:]}"
    assert "RuntimeWarning" in output, f"the build failed for another reason:\n{output[-3000:]}"


def broken_internal_links(site_dir, pages):
    """Return ``"page: href"`` for every link to a missing file or a missing anchor in the built site.

    Links with a scheme (https:, mailto:) point outside the site and are not
    followed, so the check needs no network.
    """
    site_dir = Path(site_dir)
    parsed = {}

    def ids_of(path):
        if path not in parsed:
            parsed[path] = parse_page(path).ids
        return parsed[path]

    broken = []
    for relative in pages:
        page_path = site_dir / relative
        for anchor in parse_page(page_path).anchors:
            href = anchor.get("href")
            if not href or urlsplit(href).scheme or href.startswith("//"):
                continue
            parts = urlsplit(href)
            target = page_path if not parts.path else (page_path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{relative}: {href} (no file {target})")
                continue
            if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
                broken.append(f"{relative}: {href} (no anchor #{parts.fragment})")
    return broken


@pytest.mark.build
def test_internal_links_resolve(site_dir, all_pages):
    broken = broken_internal_links(site_dir, all_pages)
    assert not broken, f"{len(broken)} broken internal links, the first ones:\n" + "\n".join(broken[:20])


def test_link_check_detects_broken(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#here">b</a><a href="missing.html">m</a><a href="#nowhere">x</a>')
    (tmp_path / "b.html").write_text('<p id="elsewhere">b</p><a href="https://example.org/">out</a>')
    broken = broken_internal_links(tmp_path, ["a.html", "b.html"])
    assert len(broken) == 3, broken
