"""Build the whole pack as a static site in ``site/``: ``make site`` runs this.

Every page is a Voici page (Voilà's look, built ahead of time) whose Python runs in the
browser on Pyodide. Everything a page needs is in ``site/``: no page fetches anything from
another host, ever.

What goes in, all pinned, all from PyPI, npm or this repository:

- the Voici app and the JupyterLite Pyodide kernel (``requirements-site.txt``, in ``.venv-site``);
- the Pyodide runtime, from the npm package ``pyodide`` (``package.json``, ``package-lock.json``);
- the pure-Python wheels the pages import (``site_build/browser-packages.txt``), PyYAML built
  pure from its sdist, and the pack's own package built into a wheel from this checkout;
- the notebooks and the ``assets/`` content files, as the site's contents, which the kernel
  reads from its file system (see ``peer_support/platform.py``).

Run it with the site's own Python: ``.venv-site/bin/python site_build/build.py``.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the pack's own catalogues, for the words of the site's index
OUTPUT = REPO / "site"
WORK = REPO / ".site-build"  # rebuilt from scratch on every run
CACHE = REPO / ".site-cache"  # downloaded and built wheels, kept between runs
PACKAGES_FILE = REPO / "site_build" / "browser-packages.txt"
PYODIDE_NPM = REPO / "node_modules" / "pyodide"
TEMPLATES = REPO / "assets" / "jupyter"
START_PAGE = "voici/render/notebooks/00_start.html"

#: The Pyodide files a page loads (the kernel loads pyodide.js in its worker); the npm
#: package's ES module, console pages, source maps and types stay out.
PYODIDE_RUNTIME = ["pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm",
                   "python_stdlib.zip"]
PYYAML_VERSION = "6.0.3"  # the server's pin (requirements.txt)
PYYAML_SDIST_SHA256 = "d76623373421df22fb4cf8817020cbb7ef15c725b9d5e45f17e189bfc384190f"

#: Packages the kernel always asks for that a Voici page never uses. Each ships as an empty
#: wheel, so the kernel starts without them (IPython then keeps its history in memory, and
#: offers no tab completion, which a Voici page has no way to ask for).
PLACEHOLDERS = {
    "sqlite3": "IPython's history database; not in Pyodide's lock as a wheel one can get here",
    "jedi": "tab completion in IPython; Voici pages have no code cells to complete",
}

#: Wheels that come inside the kernel's own labextension (jupyterlite-pyodide-kernel).
KERNEL_WHEELS = ["piplite", "pyodide_kernel", "ipykernel"]

#: Voici's app and these federated extensions are all a page needs; JupyterLab's other
#: extensions in the build environment (the Voilà preview, Notebook's lab extension, the
#: Pygments theme) stay out of the site.
EXTENSIONS = ["@jupyterlite/pyodide-kernel-extension", "anywidget"]


def log(message: str) -> None:
    print(f"  [site] {message}", flush=True)


def run(command: list[str], **kwargs) -> None:
    subprocess.run(command, check=True, **kwargs)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# ---- wheels ----------------------------------------------------------------------------------


def download_wheels(pip: list[str]) -> list[Path]:
    """The pinned pure wheels: from PyPI once (pip checks their sha256), then from the cache."""
    folder = CACHE / "wheels"
    run([*pip, "download", "--quiet", "--no-deps", "--require-hashes", "--only-binary=:all:",
         "--python-version", "3.13", "--implementation", "py", "--abi", "none",
         "--platform", "any", "--dest", str(folder), "--requirement", str(PACKAGES_FILE)])
    wanted = {canonical(line.split("==")[0]) for line in PACKAGES_FILE.read_text().splitlines()
              if line.strip() and not line.startswith("#")}
    wheels = [wheel for wheel in folder.glob("*.whl")
              if canonical(wheel.name.split("-")[0]) in wanted]
    if len(wheels) != len(wanted):
        sys.exit(f"Expected {len(wanted)} wheels in {folder}, found {len(wheels)}: "
                 "remove that folder and try again.")
    return sorted(wheels)


def pure_pyyaml(pip: list[str]) -> Path:
    """PyYAML without its C extension (Pyodide's own PyYAML wheel is on no registry reachable
    here), built from the pinned sdist with the build venv's setuptools, so nothing unpinned
    is fetched."""
    folder = CACHE / "pyyaml"
    wheel = folder / f"pyyaml-{PYYAML_VERSION}-py3-none-any.whl"
    if wheel.is_file():
        return wheel
    sdist = folder / f"pyyaml-{PYYAML_VERSION}.tar.gz"
    if not sdist.is_file():
        log(f"downloading the PyYAML {PYYAML_VERSION} sdist (once)")
        run([*pip, "download", "--quiet", "--no-deps", "--no-binary=:all:", "--no-build-isolation",
             "--dest", str(folder), f"PyYAML=={PYYAML_VERSION}"])
    if sha256(sdist) != PYYAML_SDIST_SHA256:
        sdist.unlink()
        sys.exit(f"The PyYAML sdist's sha256 is not the pinned one; it was removed: {sdist}")
    run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(folder),
         str(sdist)], env={**os.environ, "PYYAML_FORCE_LIBYAML": "0"})
    if not wheel.is_file():
        sys.exit(f"PyYAML did not build as a pure wheel: no {wheel.name} in {folder}")
    return wheel


def pack_wheel(pip: list[str], folder: Path) -> Path:
    """The pack's own package, built from a clean copy of this checkout: the same code the
    server runs (a copy, so no stale build/ folder can slip old files in)."""
    source = WORK / "pack-source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "peer_support", source / "peer_support",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(folder), str(source)])
    return next(folder.glob("peer_support_pack-*-py3-none-any.whl"))


def placeholder_wheel(name: str, reason: str, folder: Path) -> Path:
    """An empty wheel standing in for a package the kernel insists on loading."""
    version = "0.0.0"
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                                 f"Summary: Empty placeholder: {reason}\n",
        f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: site_build\nRoot-Is-Purelib: true\n"
                              "Tag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=")
        record.append(f"{path},sha256={digest.decode()},{len(text.encode())}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = "\n".join(record) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in files.items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            archive.writestr(info, text)
    return wheel


def kernel_wheels(folder: Path) -> list[Path]:
    """piplite, pyodide_kernel and the ipykernel shim, as the kernel's labextension ships them."""
    import jupyterlite_pyodide_kernel  # noqa: F401  (the build environment must have it)

    source = Path(sys.prefix) / "share/jupyter/labextensions/@jupyterlite/pyodide-kernel-extension"
    wheels = []
    for name in KERNEL_WHEELS:
        matches = sorted((source / "static" / "pypi").glob(f"{name}-*-py3-none-any.whl"))
        if not matches:
            sys.exit(f"The Pyodide kernel's {name} wheel is missing from {source}.")
        wheels.append(Path(shutil.copy2(matches[-1], folder)))
    return wheels


def wheel_imports(wheel: Path) -> list[str]:
    """The top-level modules a wheel installs (Pyodide loads a package when they are imported)."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    tops = set()
    for name in names:
        first = name.split("/")[0]
        if first.endswith((".dist-info", ".data")):
            continue
        if "/" in name:
            tops.add(first)
        elif name.endswith(".py"):
            tops.add(name[:-3])
    return sorted(tops)


def write_lock(wheels: list[Path], runtime_lock: dict, destination: Path) -> list[str]:
    """A Pyodide lock file naming exactly the wheels the site ships, with their real sha256.

    Every shipped package is preloaded by name (jupyter-lite.json), so no entry needs a
    dependency list. Returns the package names in load order.
    """
    packages = {}
    for wheel in wheels:
        distribution, version = wheel.name.split("-")[:2]
        name = canonical(distribution)
        packages[name] = {
            "name": name,
            "version": version,
            "file_name": wheel.name,
            "install_dir": "site",
            "sha256": sha256(wheel),
            "package_type": "package",
            "imports": wheel_imports(wheel),
            "depends": [],
            "unvendored_tests": False,
        }
    lock = {"info": runtime_lock["info"], "packages": packages}
    destination.write_text(json.dumps(lock, indent=1, sort_keys=True), encoding="utf-8")
    return sorted(packages)


# ---- the JupyterLite project -----------------------------------------------------------------


def stage_pyodide(wheels: list[Path], lite: Path) -> list[str]:
    if not (PYODIDE_NPM / "pyodide.asm.wasm").is_file():
        sys.exit("Pyodide is missing: run `npm ci` first (make site does).")
    target = lite / "static" / "pyodide"
    target.mkdir(parents=True)
    for name in PYODIDE_RUNTIME:
        shutil.copy2(PYODIDE_NPM / name, target / name)
    for wheel in wheels:
        shutil.copy2(wheel, target / wheel.name)
    runtime_lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    return write_lock(wheels, runtime_lock, target / "pyodide-lock.json")


def stage_contents(contents: Path) -> None:
    """The notebooks and the content files, laid out as in this repository."""
    (contents / "notebooks").mkdir(parents=True)
    for notebook in sorted((REPO / "notebooks").glob("*.ipynb")):
        shutil.copy2(notebook, contents / "notebooks" / notebook.name)
    shutil.copytree(REPO / "assets", contents / "assets",
                    ignore=shutil.ignore_patterns("jupyter", ".*"))


def stage_extensions(folder: Path) -> None:
    source = Path(sys.prefix) / "share" / "jupyter" / "labextensions"
    for name in EXTENSIONS:
        shutil.copytree(source / name, folder / name)


def lite_config(contents: Path, extensions: Path) -> dict:
    return {
        "LiteBuildConfig": {
            "apps": ["voici"],
            "contents": [str(contents)],
            "output_dir": str(OUTPUT),
            "ignore_sys_prefix": True,
            "no_sourcemaps": True,
            "no_unused_shared_packages": True,
        },
        "FederatedExtensionAddon": {"extra_labextensions_path": [str(extensions)]},
        "VoilaConfiguration": {
            "template": "peer-support",
            "theme": "light",
            "strip_sources": True,
            "show_tracebacks": False,
        },
    }


def jupyter_lite_json(packages: list[str]) -> dict:
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Women's peer support workshop pack",
            "litePluginSettings": {
                "@jupyterlite/pyodide-kernel-extension:kernel": {
                    "disablePyPIFallback": True,
                    "loadPyodideOptions": {"packages": packages},
                },
            },
        },
    }


# ---- after Voici ---------------------------------------------------------------------------

#: What a page loads from the site's top folder; the rest of JupyterLite's output (its own
#: JupyterLab app, docs, icons, the file browser pages) is not used by the pack's pages.
KEEP = {"api", "extensions", "files", "static", "voici", "service-worker.js", "jupyter-lite.json"}


def redirect_page(target: str) -> str:
    """A page that forwards to the start page, keeping ?lang=cy, with links if it cannot."""
    from peer_support.i18n import catalogue

    english, welsh = (escape(catalogue(language)["chrome.nav_start"]) for language in ("en", "cy"))
    title = escape(catalogue("en")["chrome.pack_name"])
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<script>window.location.replace({json.dumps(target)} + window.location.search);</script>
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p><a href="{target}">{english}</a></p>
<p lang="cy"><a href="{target}?lang=cy" hreflang="cy">{welsh}</a></p>
</body>
</html>
"""


#: Present mode's presenter window: a static page of the template that a page opens beside
#: itself (``../../templates/peer-support/static/presenter.html`` from voici/render/notebooks/).
#: Voici puts the template's scripts inside each page, so this page is copied on its own.
PRESENTER_FILES = ["presenter.html", "presenter.js", "presenter.css"]


def copy_presenter() -> None:
    source = TEMPLATES / "voila" / "templates" / "peer-support" / "static"
    target = OUTPUT / "voici" / "templates" / "peer-support" / "static"
    target.mkdir(parents=True, exist_ok=True)
    for name in PRESENTER_FILES:
        shutil.copy2(source / name, target / name)


def finish_site() -> None:
    for path in OUTPUT.iterdir():
        if path.name not in KEEP:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    copy_presenter()
    shutil.rmtree(OUTPUT / "voici" / "tree")  # file listings; the start page lists chapters
    (OUTPUT / "index.html").write_text(redirect_page(START_PAGE), encoding="utf-8")
    (OUTPUT / "voici" / "index.html").write_text(
        redirect_page(START_PAGE.removeprefix("voici/")), encoding="utf-8")


def site_summary() -> str:
    files = [path for path in OUTPUT.rglob("*") if path.is_file()]
    size = sum(path.stat().st_size for path in files)
    return f"{len(files)} files, {size / 2**20:.1f} MiB"


def build(pip: list[str]) -> None:
    started = time.monotonic()
    if WORK.exists():
        shutil.rmtree(WORK)
    if OUTPUT.exists():
        shutil.rmtree(OUTPUT)
    lite, contents, wheels_dir, extensions = (WORK / "lite", WORK / "contents", WORK / "wheels",
                                              WORK / "labextensions")
    for folder in (lite, contents, wheels_dir, extensions):
        folder.mkdir(parents=True)

    # The template's words come from the catalogues; make sure the partial is current.
    run([sys.executable, "-m", "peer_support.server.frame_text"], cwd=REPO,
        stdout=subprocess.DEVNULL)

    wheels = download_wheels(pip) + [pure_pyyaml(pip), pack_wheel(pip, wheels_dir)]
    wheels += kernel_wheels(wheels_dir)
    wheels += [placeholder_wheel(name, reason, wheels_dir) for name, reason in PLACEHOLDERS.items()]
    packages = stage_pyodide(wheels, lite)
    stage_contents(contents)
    stage_extensions(extensions)
    (lite / "jupyter_lite_config.json").write_text(
        json.dumps(lite_config(contents, extensions), indent=2), encoding="utf-8")
    (lite / "jupyter-lite.json").write_text(json.dumps(jupyter_lite_json(packages), indent=2),
                                            encoding="utf-8")

    log("building the pages with Voici")
    env = {**os.environ, "JUPYTER_PATH": str(TEMPLATES)}
    run([str(Path(sys.executable).parent / "voici"), "build", "--lite-dir", str(lite)],
        cwd=lite, env=env, stdout=subprocess.DEVNULL)
    finish_site()
    seconds = time.monotonic() - started
    log(f"built {OUTPUT.relative_to(REPO)}/ in {seconds:.0f} s: {site_summary()}")
    log(f"open it with: make site-serve (start page: {START_PAGE})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    build([sys.executable, "-m", "pip", "--disable-pip-version-check"])


if __name__ == "__main__":
    main()
