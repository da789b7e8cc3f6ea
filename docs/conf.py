"""Sphinx configuration of the nonlin site: narrative pages, gallery and API reference.

The site builds without network access: MathJax is served from
``_static/mathjax`` and no inventory of another project is fetched, so
references to NumPy or SciPy objects are plain text (see `nitpick_ignore_regex`).
"""

import sys
from pathlib import Path

DOCS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS_DIR / "_ext"))

import nonlin  # noqa: E402
import nonlin_catalogue_pages  # noqa: E402
from nonlin.catalogue import FAMILIES  # noqa: E402

project = "nonlin"
author = "The nonlin developers"
copyright = "The nonlin developers"  # noqa: A001
release = nonlin.__version__
version = release

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
    "sphinx_gallery.gen_gallery",
    "myst_parser",
    "sphinx_copybutton",
    "nonlin_catalogue_pages",
    "nonlin_site_guards",
    "nonlin_benchmark_page",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "Thumbs.db",
    ".DS_Store",
    # Scanned by autosummary only; the API index shows the same names.
    nonlin_catalogue_pages.AUTOSUMMARY_SOURCE,
    # sphinx-gallery writes these; they are not pages.
    "auto_examples/**/*.ipynb",
    "auto_examples/**/*.py",
    "auto_examples/**/*.zip",
    "auto_examples/**/*.json",
    "auto_examples/**/*.md5",
    "sg_execution_times.rst",
]
nitpicky = True
# No intersphinx: the build has no network and the repository stores no
# inventories, so names of other projects cannot resolve. The docstrings name
# NumPy and SciPy functions (numpy.expm1, scipy.special.erf, ...) and Python
# types in plain roles; they render as code without a link.
nitpick_ignore_regex = [
    (r"py:.*", r"(numpy|np|scipy|matplotlib|mpmath|cycler)(\..*)?"),
    (r"py:.*", r"(contextlib|collections|typing)\..*"),
    (r"py:class", r"(callable|array_like|array-like|optional|ndarray|scalar|default .*)"),
]

# --- HTML output -------------------------------------------------------------

# furo: light and dark modes that follow the reader's setting, with a toggle,
# and a layout that fits a 390 px phone screen (see the architecture page).
html_theme = "furo"
html_title = f"nonlin {release}"
html_static_path = ["_static"]
html_css_files = ["nonlin.css"]
html_theme_options = {
    "source_repository": "",
    "navigation_with_keys": True,
}
html_last_updated_fmt = None
html_show_sphinx = True

# MathJax 3.2.2 from the npm package "mathjax", vendored so the pages load
# nothing from another host. tex-svg-full bundles every TeX extension
# (amsmath environments included) and draws glyphs as SVG paths, so it
# fetches neither extensions nor fonts.
mathjax_path = "mathjax/tex-svg-full.js"
mathjax3_config = {
    "tex": {"inlineMath": [["\\(", "\\)"]], "displayMath": [["\\[", "\\]"]]},
    "options": {"enableMenu": True},
}

# --- Markdown (MyST) ---------------------------------------------------------

myst_enable_extensions = ["amsmath", "dollarmath", "colon_fence", "deflist"]
myst_heading_anchors = 3
# MyST would otherwise replace mathjax3_config with its own.
myst_update_mathjax = False

# --- Copy buttons ------------------------------------------------------------

# Copy code without the interpreter prompts and without the output lines.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"

# --- API reference -----------------------------------------------------------

autodoc_default_options = {"members": False}
autodoc_typehints = "none"
# The list of names is generated from nonlin.__all__ and the catalogue, and
# autosummary generates one page per name from it.
nonlin_catalogue_pages.write_autosummary_source(DOCS_DIR)
autosummary_generate = [nonlin_catalogue_pages.AUTOSUMMARY_SOURCE]
autosummary_generate_overwrite = True
autosummary_imported_members = True
autosummary_context = nonlin_catalogue_pages.autosummary_context()
numpydoc_show_class_members = False
numpydoc_xref_param_type = False
numpydoc_validation_checks = set()

# --- Gallery -----------------------------------------------------------------

_SECTIONS = [nonlin_catalogue_pages.COMPARISONS, *FAMILIES]
sphinx_gallery_conf = {
    "examples_dirs": "../gallery",
    "gallery_dirs": "auto_examples",
    "subsection_order": [f"../gallery/{section}" for section in _SECTIONS],
    "within_subsection_order": "nonlin_gallery_hooks.CatalogueOrder",
    "filename_pattern": r"/plot_",
    "doc_module": ("nonlin",),
    "backreferences_dir": "api/generated/backreferences",
    "download_all_examples": True,
    "notebook_extensions": {".py"},
    "image_srcset": ["2x"],
    "capture_repr": ("_repr_html_", "__repr__"),
    # The axes or figure a plotting call returns is shown as the figure itself.
    "ignore_repr_types": r"matplotlib[.](axes|figure|text|lines|image|legend)",
    "image_scrapers": ("nonlin_gallery_hooks.scrape_figures",),
    "reset_modules": (
        "matplotlib",
        "nonlin_gallery_hooks.apply_plot_style",
        "nonlin_gallery_hooks.strict_warnings",
    ),
    "reset_modules_order": "both",
    # Reproducible output: no run times in the pages or in a separate file.
    "min_reported_time": float("inf"),
    "write_computation_times": False,
    "show_memory": False,
    "remove_config_comments": True,
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    "matplotlib_animations": False,
    # Two worker processes, one per core of the machines the site is built on.
    "parallel": 2,
}
