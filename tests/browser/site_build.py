"""Build and serve the documentation site for the browser and build tests.

The sphinx-build command line comes from the Makefile (``make --dry-run
html``), so the tests build the site exactly as ``make html`` does. Builds of
a temporary copy of the tree run that command with the copy's paths and with
the copy's ``src`` first on ``PYTHONPATH``, because the editable install in
``.venv`` points at the real tree.
"""

import functools
import http.server
import os
import shlex
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]

#: Where ``make html`` writes the site, relative to the repository root.
HTML_DIR = Path("docs/_build/html")

#: Paths that a build writes into the source tree, left out of a copy.
GENERATED_PATHS = (
    "docs/_build",
    "docs/auto_examples",
    "docs/api/generated",
    "docs/sg_execution_times.rst",
)

#: Environment variable naming an already built site for the browser tests.
SITE_DIR_VARIABLE = "NONLIN_SITE_DIR"

BUILD_TIMEOUT_SECONDS = 30 * 60


@dataclass
class BuildResult:
    """The outcome of one sphinx-build run."""

    root: Path
    html_dir: Path
    returncode: int
    output: str
    seconds: float
    offline: bool = False
    #: An unbuilt copy of the same files, for builds that must start from them too.
    source: Path | None = None

    def check(self):
        """Raise AssertionError with the end of the output if the build failed."""
        assert self.returncode == 0, (
            f"sphinx-build failed with exit code {self.returncode} in {self.root}; "
            f"the last lines of its output:\n{tail(self.output)}"
        )


def tail(text, lines=60):
    """Return the last ``lines`` lines of ``text``."""
    return "\n".join(text.splitlines()[-lines:])


@functools.cache
def makefile_sphinx_command(target="html"):
    """Return the sphinx-build argv that ``make <target>`` runs, as the Makefile spells it.

    The paths in it are relative to the repository root.
    """
    result = subprocess.run(
        ["make", "--dry-run", "--no-print-directory", target],
        cwd=REPOSITORY_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    # --dry-run also lists the venv install steps when .venv is older than
    # the lock file, which are not needed here.
    for line in result.stdout.splitlines():
        argv = shlex.split(line)
        if argv and argv[0].endswith("sphinx-build"):
            return tuple(argv)
    raise RuntimeError(f"'make --dry-run {target}' printed no sphinx-build command:\n{result.stdout}")


def sphinx_build_argv(extra_args=()):
    """Return the Makefile's sphinx-build argv followed by ``extra_args``.

    The executable is the one next to the running Python, so a copy without
    a ``.venv`` builds with this environment.
    """
    argv = list(makefile_sphinx_command())
    argv[0] = str(Path(sys.executable).with_name("sphinx-build"))
    # Relative paths (source dir, output dir, -d doctrees) resolve against
    # the cwd, which run_build sets to root.
    return argv + list(extra_args)


def run_build(root, *, offline=False, extra_args=(), log_path=None):
    """Build the site of the tree at ``root`` and return a BuildResult.

    With ``offline=True`` the build runs in a new network namespace
    (``unshare --net``), which has only a loopback interface that is down,
    so any attempt to reach the network fails the build.
    """
    root = Path(root)
    argv = sphinx_build_argv(extra_args)
    if offline:
        argv = ["unshare", "--net", "--", *argv]

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root / "src"), env.get("PYTHONPATH")]))

    started = time.monotonic()
    completed = subprocess.run(
        argv,
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
    )
    seconds = time.monotonic() - started
    if log_path is not None:
        Path(log_path).write_text(" ".join(map(shlex.quote, argv)) + "\n\n" + completed.stdout)
    return BuildResult(root, root / HTML_DIR, completed.returncode, completed.stdout, seconds, offline)


# The clean build of this test session, shared by every module that needs one.
_session_builds = {}


def shared_clean_build(tmp_path_factory):
    """Build a clean copy of the tree once per test session and return its BuildResult.

    The build runs offline where ``unshare --net`` works. Every caller in
    the session gets the same result, so the browser tests, the site tests
    and the build tests read one build instead of building their own. The
    callers must not change its files: copy the tree first.
    """
    if "clean" not in _session_builds:
        base = tmp_path_factory.mktemp("shared-site-build")
        source = copy_tree(base / "source")
        root = copy_built_tree(source, base / "tree")
        offline, _ = unshare_network_works()
        result = run_build(root, offline=offline, log_path=base / "build.log")
        result.source = source
        _session_builds["clean"] = result
    return _session_builds["clean"]


def unshare_network_works():
    """Return (True, "") if ``unshare --net`` can run a command here, else (False, reason)."""
    if shutil.which("unshare") is None:
        return False, "unshare is not installed (Debian package util-linux)"
    try:
        completed = subprocess.run(
            ["unshare", "--net", "--", "true"], capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError) as error:
        return False, f"unshare --net failed to start: {error}"
    if completed.returncode != 0:
        return False, f"unshare --net failed (it needs root or user namespaces): {completed.stderr.strip()}"
    return True, ""


def source_files(root=REPOSITORY_ROOT):
    """Return the tree's files as a fresh clone plus the uncommitted work would have them.

    That is every file git tracks or would track (ignored files such as
    ``.venv`` and the build output left out).
    """
    completed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        check=True,
    )
    names = [name for name in completed.stdout.decode().split("\0") if name]
    # A file deleted in the work tree is still listed by --cached.
    return [name for name in names if (root / name).is_file()]


def copy_tree(destination, root=REPOSITORY_ROOT):
    """Copy the source tree (no build output, no .venv, no .git) to ``destination``."""
    destination = Path(destination)
    for name in source_files(root):
        if any(name == generated or name.startswith(generated + "/") for generated in GENERATED_PATHS):
            continue
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return destination


def copy_built_tree(source, destination):
    """Copy a tree as it is, with any build output and generated gallery in it."""
    shutil.copytree(source, destination, symlinks=True)
    return Path(destination)


def html_pages(site_dir):
    """Return the site's HTML pages as paths relative to ``site_dir``, sorted.

    Downloads, copied sources and static assets are not pages.
    """
    site_dir = Path(site_dir)
    skipped = {"_downloads", "_sources", "_static", "_images", ".doctrees"}
    pages = []
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir)
        if relative.parts[0] in skipped:
            continue
        pages.append(relative.as_posix())
    return sorted(pages)


def gallery_example_pages(pages):
    """Return the gallery's example pages (not its index pages)."""
    return [page for page in pages if page.startswith("auto_examples/") and not page.endswith("index.html")]


def showcase_pages(pages):
    """Return the pages to screenshot and weigh: home, a gallery example and the comparison table.

    The gallery example is the first in path order. The comparison table is
    the first page with "compar" in its name, if the site has one.
    """
    showcase = {"home": "index.html"}
    examples = gallery_example_pages(pages)
    if examples:
        showcase["gallery"] = examples[0]
    comparisons = [page for page in pages if "compar" in Path(page).stem]
    if comparisons:
        showcase["comparison"] = comparisons[0]
    return showcase


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging every request to stderr."""

    def log_message(self, format, *args):
        pass


class SiteServer:
    """Serve a directory over HTTP on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, directory):
        handler = functools.partial(QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
