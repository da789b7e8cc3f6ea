"""Hooks that sphinx-gallery calls while it runs the gallery scripts.

conf.py names them by their qualified names (``"nonlin_gallery_hooks.…"``),
which sphinx-gallery imports, so that the configuration stays picklable.
"""

import warnings
from pathlib import Path

from sphinx_gallery.scrapers import matplotlib_scraper

from nonlin.catalogue import CATALOGUE

# The catch_warnings context of the script that runs now; it restores the
# earlier filters on exit.
_active_contexts = []


def strict_warnings(gallery_conf, fname, when):
    """Turn every warning into an exception while a gallery script runs.

    A script whose code emits a warning (a NumPy overflow, a matplotlib
    deprecation) then fails, and sphinx-gallery fails the build. The filters
    are restored after each script, because Sphinx keeps running in this
    process and must not turn its own warnings into exceptions.
    """
    if when == "before":
        context = warnings.catch_warnings()
        context.__enter__()
        _active_contexts.append(context)
        warnings.simplefilter("error")
    elif _active_contexts:
        _active_contexts.pop().__exit__(None, None, None)


def apply_plot_style(gallery_conf, fname, when):
    """Apply the shared figure style of :mod:`nonlin.plotting` before each script.

    The helpers of :mod:`nonlin.plotting` apply it themselves; this also
    covers figures a script draws with plain matplotlib calls.
    """
    if when != "before":
        return
    import matplotlib

    from nonlin.plotting import _full_style

    matplotlib.rcParams.update(_full_style())


def scrape_figures(block, block_vars, gallery_conf, **kwargs):
    """Save figures as sphinx-gallery does, without the matplotlib version in the PNG metadata.

    Without the version the images do not change when matplotlib is
    upgraded, and two builds with the same inputs write identical files.
    """
    return matplotlib_scraper(block, block_vars, gallery_conf, metadata={"Software": None}, **kwargs)


class CatalogueOrder:
    """Sort key for the scripts of one gallery section: catalogue order, then file name.

    sphinx-gallery constructs it with the section's source folder and calls
    it with each file name.
    """

    def __init__(self, src_dir):
        self.src_dir = src_dir
        self.positions = {f"plot_{name}.py": number for number, name in enumerate(CATALOGUE)}

    def __call__(self, filename):
        name = Path(filename).name
        return (self.positions.get(name, len(self.positions)), name)

    def __repr__(self):
        return f"{type(self).__name__}()"
