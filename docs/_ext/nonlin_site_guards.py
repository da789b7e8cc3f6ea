"""Guard the nonlin site build against stale gallery figures and build-to-build differences.

Stale figures
    sphinx-gallery re-runs an example only when the example's own source
    changes (it keeps an ``<example>.py.md5`` next to the generated page). A
    change to the library, the plotting helpers or conf.py therefore leaves
    figures that no longer match the code. At ``config-inited`` this extension
    hashes those inputs, compares the hash with a stamp kept in each generated
    gallery directory and, when they differ, deletes the gallery's ``*.md5``
    files so that every example runs again.

Reproducible output
    Two clean builds of the same commit should give byte-identical files, so
    that a rebuild shows only real changes. The extension

    * fills in the sphinx-gallery settings that keep run times out of the
      pages (``min_reported_time``, ``write_computation_times``,
      ``show_memory``) and warns, which fails a ``-W`` build, when conf.py
      sets them to values that leak run times;
    * sets ``svg.hashsalt`` in matplotlib's defaults, because matplotlib
      otherwise names SVG elements from a random UUID;
    * sets ``SOURCE_DATE_EPOCH`` to the time of the last commit, when the
      source is a git work tree and the variable is unset. matplotlib uses it
      for the dates in SVG and PDF files, Sphinx for the copyright year;
    * warns when an example's captured output shows a memory address (the
      repr of a matplotlib artist, say), which changes on every run;
    * rewrites the gallery's download zips with sorted entries, a fixed date
      and fixed permissions, because sphinx-gallery stores files in directory
      order with the mtimes of the copies it made during the build.

Thumbnail alt text
    sphinx-gallery gives its thumbnails an empty alt text, as decoration
    next to the link to the example. The site's rule is that every image has
    alt text, so at ``doctree-resolved`` each such thumbnail gets the title
    of the example it links to.

Config values (all optional):

``nonlin_figure_inputs``
    Glob patterns, relative to the conf.py directory, of the files whose
    change re-runs every example (``**`` matches any depth).
"""

import fnmatch
import glob
import hashlib
import importlib.metadata
import os
import re
import subprocess
import zipfile
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Name of the stamp file that records the hash of the figure inputs.
STAMP_NAME = ".nonlin-figure-inputs.sha256"

#: Distributions whose version changes what the examples draw.
FIGURE_DISTRIBUTIONS = ("numpy", "scipy", "matplotlib", "sphinx-gallery")

DEFAULT_FIGURE_INPUTS = ("../src/nonlin/**/*.py", "conf.py")

# sphinx-gallery prints "Total running time" only above this many seconds.
# A run time that no example reaches keeps the line out of every page.
NEVER_REPORTED_SECONDS = 1e9

# The earliest time a zip entry can hold (1980-01-01 00:00:00 UTC).
ZIP_EPOCH = 315532800

# The default object repr, "<matplotlib.lines.Line2D object at 0x7f1c01713d10>".
MEMORY_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{6,}>")


def setup(app):
    app.add_config_value("nonlin_figure_inputs", DEFAULT_FIGURE_INPUTS, "env", types=(list, tuple))
    # Before sphinx-gallery fills in its own defaults (priority 10), so that
    # the values set here count as the configured ones.
    app.connect("config-inited", set_reproducible_defaults, priority=5)
    # After sphinx-gallery has filled in gallery_dirs (priority 10), and
    # before it runs any example at builder-inited.
    app.connect("config-inited", invalidate_stale_examples, priority=900)
    # After sphinx-gallery wrote the zips at builder-inited (priority 500),
    # before Sphinx copies them into _downloads.
    app.connect("builder-inited", normalise_download_zips, priority=900)
    app.connect("source-read", warn_memory_addresses)
    app.connect("doctree-resolved", describe_gallery_thumbnails)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}


# --------------------------------------------------------------------------
# Reproducible output


def set_reproducible_defaults(app, config):
    """Fill in the settings that keep times and random ids out of the output."""
    if "SOURCE_DATE_EPOCH" not in os.environ:
        commit_time = last_commit_time(Path(app.confdir))
        if commit_time is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(commit_time)
    salt_matplotlib_svg_ids()

    if not hasattr(config, "sphinx_gallery_conf"):
        return
    gallery_conf = config.sphinx_gallery_conf
    leaking = {
        "min_reported_time": lambda value: value < NEVER_REPORTED_SECONDS,
        "write_computation_times": bool,
        "show_memory": bool,
    }
    reproducible = {
        "min_reported_time": NEVER_REPORTED_SECONDS,
        "write_computation_times": False,
        "show_memory": False,
    }
    for key, leaks in leaking.items():
        if key not in gallery_conf:
            gallery_conf[key] = reproducible[key]
        elif leaks(gallery_conf[key]):
            logger.warning(
                "sphinx_gallery_conf[%r] = %r puts run times or memory use into the pages, "
                "so two builds of the same commit differ; set it to %r in conf.py or drop it",
                key,
                gallery_conf[key],
                reproducible[key],
            )


def last_commit_time(directory):
    """Return the commit time of HEAD in seconds, or None outside a git work tree."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    text = result.stdout.strip()
    return int(text) if text.isdigit() else None


def salt_matplotlib_svg_ids():
    """Make matplotlib derive SVG element ids from a fixed salt instead of a random UUID."""
    try:
        import matplotlib
    except ImportError:
        return
    # sphinx-gallery calls plt.rcdefaults() before each example, which copies
    # rcParamsDefault, so the salt has to live there to survive the reset.
    for params in (matplotlib.rcParamsDefault, matplotlib.rcParams):
        if params["svg.hashsalt"] is None:
            params["svg.hashsalt"] = "nonlin"


def normalise_download_zips(app):
    """Rewrite every gallery zip with sorted entries, a fixed date and fixed permissions."""
    if not hasattr(app.config, "sphinx_gallery_conf"):
        return
    date_time = zip_date_time()
    for gallery_dir in generated_gallery_dirs(app):
        for path in sorted(gallery_dir.rglob("*.zip")):
            normalise_zip(path, date_time)


def zip_date_time():
    """Return the (year, month, day, hour, minute, second) that every zip entry gets."""
    import time

    seconds = max(int(os.environ.get("SOURCE_DATE_EPOCH", ZIP_EPOCH)), ZIP_EPOCH)
    return time.gmtime(seconds)[:6]


def normalise_zip(path, date_time):
    """Rewrite the zip at ``path`` in place so that its bytes depend only on its contents."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    members.sort(key=lambda member: member[0].filename)

    rewritten = path.with_name(path.name + ".normalised")
    with zipfile.ZipFile(rewritten, "w") as archive:
        for old_info, data in members:
            info = zipfile.ZipInfo(old_info.filename, date_time=date_time)
            info.compress_type = old_info.compress_type
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so that the permissions above apply
            archive.writestr(info, data)
    os.replace(rewritten, path)


def warn_memory_addresses(app, docname, source):
    """Warn about example output that prints a memory address."""
    if not hasattr(app.config, "sphinx_gallery_conf"):
        return
    doc_path = Path(app.srcdir, docname)
    if not any(doc_path.is_relative_to(directory) for directory in generated_gallery_dirs(app)):
        return
    text = source[0]
    for match in MEMORY_ADDRESS.finditer(text):
        line_number = text.count("\n", 0, match.start()) + 1
        line = text.splitlines()[line_number - 1].strip()
        logger.warning(
            "example output shows a memory address, which changes on every build: %s; "
            "assign the value in the gallery script (for example '_ = ax.legend()') "
            "so that sphinx-gallery does not print its repr",
            line,
            location=(docname, line_number),
        )


# --------------------------------------------------------------------------
# Thumbnail alt text


def describe_gallery_thumbnails(app, doctree, docname):
    """Give each sphinx-gallery thumbnail without alt text the title of the example it links to."""
    for image in doctree.findall(nodes.image):
        if image.get("alt", "").strip():
            continue
        if not fnmatch.fnmatch(Path(image["uri"]).name, "sphx_glr_*_thumb.*"):
            continue
        # The thumbnail template puts the link to the example right after the image.
        link = image.next_node(nodes.paragraph, siblings=True, descend=False)
        title = link.astext().strip() if link is not None else ""
        if title:
            image["alt"] = title
        else:
            logger.warning(
                "gallery thumbnail %s has no alt text and no link title to take it from",
                image["uri"],
                location=image,
            )


# --------------------------------------------------------------------------
# Stale figures


def generated_gallery_dirs(app):
    """Return the directories sphinx-gallery writes the generated pages into."""
    gallery_dirs = app.config.sphinx_gallery_conf.get("gallery_dirs", [])
    if isinstance(gallery_dirs, str):
        gallery_dirs = [gallery_dirs]
    return [Path(app.srcdir, directory) for directory in gallery_dirs]


def figure_inputs_digest(confdir, patterns):
    """Hash the contents and relative paths of the files that shape the figures.

    Paths enter relative to ``confdir`` so that two copies of the tree hash
    alike, and the versions of the drawing libraries enter too.
    """
    paths = set()
    for pattern in patterns:
        for name in glob.glob(os.path.join(glob.escape(str(confdir)), pattern), recursive=True):
            if os.path.isfile(name):
                paths.add(Path(name).resolve())

    digest = hashlib.sha256()
    confdir = Path(confdir).resolve()
    for path in sorted(paths):
        relative = os.path.relpath(path, confdir).replace(os.sep, "/")
        digest.update(relative.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for distribution in FIGURE_DISTRIBUTIONS:
        try:
            version = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{distribution}=={version}\0".encode())
    return digest.hexdigest()


def invalidate_stale_examples(app, config):
    """Delete the gallery's md5 files when the library changed since the examples last ran."""
    if not hasattr(config, "sphinx_gallery_conf"):
        return
    digest = figure_inputs_digest(app.confdir, config.nonlin_figure_inputs)

    for gallery_dir in generated_gallery_dirs(app):
        stamp = gallery_dir / STAMP_NAME
        if stamp.is_file() and stamp.read_text().strip() == digest:
            continue

        md5_files = sorted(gallery_dir.rglob("*.md5")) if gallery_dir.is_dir() else []
        if md5_files:
            logger.info(
                "nonlin_site_guards: the library, conf.py or a drawing library changed "
                "since the examples in %s last ran; deleting %d md5 files so that every "
                "example runs again",
                gallery_dir,
                len(md5_files),
            )
        for md5_file in md5_files:
            md5_file.unlink()

        # Written before the examples run: an example that then fails leaves
        # no md5 file, so it runs again on the next build anyway.
        gallery_dir.mkdir(parents=True, exist_ok=True)
        stamp.write_text(digest + "\n")
