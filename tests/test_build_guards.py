"""Build the site from temporary copies of the tree: offline, twice byte for byte, after a library
edit, and with a failing example.

The builds run the sphinx-build command of ``make html`` (see
``tests/browser/site_build.py``) and take minutes each. So the module reuses
the session's clean build (offline where ``unshare --net`` works), which the
browser tests also read, builds one more clean copy of the same files, and
derives the other checks from copies of the first build. The functions of
``docs/_ext/nonlin_site_guards.py`` are also tested directly, without a build.
"""

import importlib.util
import re
import shutil
import zipfile

import pytest

from browser import site_build

GUARDS_PATH = site_build.REPOSITORY_ROOT / "docs" / "_ext" / "nonlin_site_guards.py"

# sphinx-gallery's closing summary, e.g. "Sphinx-Gallery successfully executed
# 3 out of 3 files" ... "after excluding 0 files that had previously been run".
EXECUTED = re.compile(r"successfully executed (\d+) out of (\d+) file")
EXCLUDED = re.compile(r"after excluding (\d+) files? that had previously been run")

# Sphinx's pickled environment and doctrees: a cache with absolute paths, not
# part of the published site. It sits inside the html directory only while
# the Makefile passes no -d option.
CACHE_DIRS = (".doctrees",)

FAILING_EXAMPLE = '''"""
Deliberately failing example
============================

Raises, so that the build must stop and name this script.
"""

raise RuntimeError("deliberate failure from the build test")
'''


def load_guards():
    spec = importlib.util.spec_from_file_location("nonlin_site_guards", GUARDS_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


guards = load_guards()


# --------------------------------------------------------------------------
# Builds shared by the tests below


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("site-builds")


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory):
    """The session's clean build of a copy of the tree, offline where unshare works."""
    return site_build.shared_clean_build(tmp_path_factory)


@pytest.fixture(scope="module")
def second_clean_build(clean_build, build_dir):
    """Build another fresh copy of the same files, with the network as it is."""
    root = site_build.copy_built_tree(clean_build.source, build_dir / "second")
    return site_build.run_build(root, log_path=build_dir / "second.log")


def files_under(directory):
    """Return {relative path: path} for every file under ``directory``, caches left out."""
    files = {}
    for path in directory.rglob("*"):
        relative = path.relative_to(directory)
        if path.is_file() and relative.parts[0] not in CACHE_DIRS:
            files[relative.as_posix()] = path
    return files


def first_difference(path_a, path_b):
    """Describe where two files first differ, with a little context."""
    data_a, data_b = path_a.read_bytes(), path_b.read_bytes()
    index = next((i for i, (a, b) in enumerate(zip(data_a, data_b)) if a != b), min(len(data_a), len(data_b)))
    start = max(0, index - 60)
    return f"byte {index}: {data_a[start:index + 60]!r} vs {data_b[start:index + 60]!r}"


def gallery_summary(output):
    """Return (executed, total, excluded) from sphinx-gallery's closing summary."""
    executed = EXECUTED.search(output)
    excluded = EXCLUDED.search(output)
    assert executed and excluded, f"no sphinx-gallery summary in the build output:\n{site_build.tail(output)}"
    return int(executed[1]), int(executed[2]), int(excluded[1])


# --------------------------------------------------------------------------
# Checks on real builds


@pytest.mark.build
def test_build_succeeds_offline(clean_build):
    works, reason = site_build.unshare_network_works()
    if not works:
        pytest.skip(f"cannot cut the network off for the build: {reason}")
    assert clean_build.offline
    clean_build.check()
    assert (clean_build.html_dir / "index.html").is_file()


@pytest.mark.build
def test_clean_builds_identical(clean_build, second_clean_build):
    clean_build.check()
    second_clean_build.check()
    files_a = files_under(clean_build.html_dir)
    files_b = files_under(second_clean_build.html_dir)

    only_a = sorted(files_a.keys() - files_b.keys())
    only_b = sorted(files_b.keys() - files_a.keys())
    assert not only_a, f"files only in the first build: {only_a}"
    assert not only_b, f"files only in the second build: {only_b}"

    differing = [name for name in sorted(files_a) if files_a[name].read_bytes() != files_b[name].read_bytes()]
    details = "\n".join(f"  {name}: {first_difference(files_a[name], files_b[name])}" for name in differing[:10])
    assert not differing, f"{len(differing)} of {len(files_a)} files differ between two clean builds:\n{details}"


@pytest.mark.build
def test_library_edit_reruns_examples(clean_build, build_dir):
    clean_build.check()
    root = site_build.copy_built_tree(clean_build.root, build_dir / "library-edit")
    library_file = root / "src" / "nonlin" / "__init__.py"
    library_file.write_text(library_file.read_text() + "\n# Edited by the stale-figure build test.\n")

    result = site_build.run_build(root, log_path=build_dir / "library-edit.log")

    result.check()
    executed, total, excluded = gallery_summary(result.output)
    assert total > 0, "the gallery has no examples to re-run"
    assert excluded == 0, f"{excluded} examples kept their old figures after the library changed"
    assert executed == total, f"only {executed} of {total} examples ran after the library changed"


@pytest.mark.build
def test_failing_example_stops_build(clean_build, build_dir):
    clean_build.check()
    root = site_build.copy_built_tree(clean_build.root, build_dir / "failing-example")
    section = sorted(path.parent for path in (root / "gallery").glob("*/README.rst"))[0]
    script = section / "plot_zz_deliberate_failure.py"
    script.write_text(FAILING_EXAMPLE)

    result = site_build.run_build(root, log_path=build_dir / "failing-example.log")

    assert result.returncode != 0, "the build succeeded although an example raised"
    assert script.name in result.output, f"the output does not name {script.name}:\n{site_build.tail(result.output)}"
    assert "deliberate failure from the build test" in result.output, (
        f"the output does not show the example's error:\n{site_build.tail(result.output)}"
    )


# --------------------------------------------------------------------------
# The guard functions on their own


class FakeApp:
    """The attributes of a Sphinx application that the stale-figure guard reads."""

    def __init__(self, confdir, inputs=("../src/**/*.py",)):
        self.confdir = str(confdir)
        self.srcdir = str(confdir)
        self.config = type(
            "Config",
            (),
            {"sphinx_gallery_conf": {"gallery_dirs": ["auto_examples"]}, "nonlin_figure_inputs": inputs},
        )()


def make_tree(root):
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "src" / "pkg" / "core.py").write_text("VALUE = 1\n")
    (root / "docs" / "auto_examples" / "section").mkdir(parents=True)
    return root


def test_figure_digest_ignores_location(tmp_path):
    first = make_tree(tmp_path / "first")
    second = make_tree(tmp_path / "second")
    patterns = ("../src/**/*.py",)

    digest_first = guards.figure_inputs_digest(first / "docs", patterns)
    digest_second = guards.figure_inputs_digest(second / "docs", patterns)
    assert digest_first == digest_second

    (second / "src" / "pkg" / "core.py").write_text("VALUE = 2\n")
    assert guards.figure_inputs_digest(second / "docs", patterns) != digest_first


def test_stale_guard_deletes_md5_files(tmp_path):
    root = make_tree(tmp_path)
    app = FakeApp(root / "docs")
    md5_file = root / "docs" / "auto_examples" / "section" / "plot_a.py.md5"

    md5_file.write_text("0123")
    guards.invalidate_stale_examples(app, app.config)
    assert not md5_file.exists(), "the first build without a stamp must re-run every example"
    assert (root / "docs" / "auto_examples" / guards.STAMP_NAME).is_file()

    md5_file.write_text("0123")
    guards.invalidate_stale_examples(app, app.config)
    assert md5_file.exists(), "an unchanged library must keep the examples' md5 files"

    (root / "src" / "pkg" / "core.py").write_text("VALUE = 2\n")
    guards.invalidate_stale_examples(app, app.config)
    assert not md5_file.exists(), "a library edit must delete the examples' md5 files"


def write_zip(path, names, date_time):
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(zipfile.ZipInfo(name, date_time=date_time), f"content of {name}")


def test_normalised_zips_identical(tmp_path):
    # As sphinx-gallery writes them in two builds: directory order, build-time mtimes.
    write_zip(tmp_path / "a.zip", ["plot_b.py", "plot_a.py"], (2025, 1, 1, 12, 0, 0))
    write_zip(tmp_path / "b.zip", ["plot_a.py", "plot_b.py"], (2025, 1, 1, 12, 5, 0))
    assert (tmp_path / "a.zip").read_bytes() != (tmp_path / "b.zip").read_bytes()

    date_time = guards.zip_date_time()
    guards.normalise_zip(tmp_path / "a.zip", date_time)
    guards.normalise_zip(tmp_path / "b.zip", date_time)

    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert archive.namelist() == ["plot_a.py", "plot_b.py"]
        assert archive.read("plot_b.py") == b"content of plot_b.py"


def test_memory_address_pattern():
    assert guards.MEMORY_ADDRESS.search("[<matplotlib.lines.Line2D object at 0x7f1c01713d10>]")
    assert not guards.MEMORY_ADDRESS.search("np.float64(0x1F)")
    assert not guards.MEMORY_ADDRESS.search("the value at 0x7f is a byte")


@pytest.fixture
def copied_tree(tmp_path):
    """A copy of the tree as site_build makes it for the builds above."""
    return site_build.copy_tree(tmp_path / "copy")


def test_tree_copy_leaves_out_build_output(copied_tree):
    assert (copied_tree / "docs" / "conf.py").is_file()
    assert (copied_tree / "src" / "nonlin" / "__init__.py").is_file()
    assert not (copied_tree / ".venv").exists()
    for generated in site_build.GENERATED_PATHS:
        assert not (copied_tree / generated).exists(), f"the copy contains the generated {generated}"
    shutil.rmtree(copied_tree)
