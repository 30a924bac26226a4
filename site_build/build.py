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
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "site"
WORK = REPO / ".site-build"  # rebuilt from scratch on every run
CACHE = REPO / ".site-cache"  # downloaded and built wheels, kept between runs
PACKAGES_FILE = REPO / "site_build" / "browser-packages.txt"
PYODIDE_NPM = REPO / "node_modules" / "pyodide"
TEMPLATES = REPO / "assets" / "jupyter"
START_PAGE = "voici/render/notebooks/00_start.html"

#: The Pyodide files a page loads; the npm package's console pages, maps and types stay out.
PYODIDE_RUNTIME = ["pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm",
                   "python_stdlib.zip"]
PYYAML_VERSION = "6.0.3"  # the server's pin (requirements.txt)

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


def pinned_packages() -> list[str]:
    lines = PACKAGES_FILE.read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def download_wheels(pip: list[str]) -> list[Path]:
    """The pinned pure wheels, from PyPI once, then from the cache."""
    folder = CACHE / "wheels"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pinned_packages()
    found = []
    missing = []
    for spec in wanted:
        name, version = spec.split("==")
        pattern = f"{canonical(name).replace('-', '_')}-{version}-*.whl"
        matches = [p for p in folder.glob("*.whl")
                   if canonical(p.name.split("-")[0]) == canonical(name)
                   and p.name.split("-")[1] == version]
        (found.extend(matches) if matches else missing.append(spec))
        del pattern
    if missing:
        log(f"downloading {len(missing)} wheel(s) from PyPI")
        run([*pip, "download", "--quiet", "--no-deps", "--only-binary=:all:",
             "--python-version", "3.13", "--implementation", "py", "--abi", "none",
             "--platform", "any", "--dest", str(folder), *missing])
        return download_wheels(pip)
    return found


def pure_pyyaml(pip: list[str]) -> Path:
    """PyYAML without its C extension: Pyodide's own PyYAML wheel is on no registry here."""
    folder = CACHE / "pyyaml"
    wheel = folder / f"pyyaml-{PYYAML_VERSION}-py3-none-any.whl"
    if not wheel.is_file():
        log(f"building PyYAML {PYYAML_VERSION} as pure Python (once)")
        run([*pip, "wheel", "--quiet", "--no-deps", "--no-binary", "PyYAML",
             "--wheel-dir", str(folder), f"PyYAML=={PYYAML_VERSION}"],
            env={**os.environ, "PYYAML_FORCE_LIBYAML": "0"})
    if not wheel.is_file():
        sys.exit(f"PyYAML did not build as a pure wheel: nothing like {wheel.name} in {folder}")
    return wheel


def pack_wheel(pip: list[str], folder: Path) -> Path:
    """The pack's own package, built from this checkout: the same code the server runs."""
    run([*pip, "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(folder), str(REPO)])
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


def lite_config(packages: list[str], contents: Path, extensions: Path) -> dict:
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
    run([sys.executable, "-m", "peer_support.frame_text"], cwd=REPO, stdout=subprocess.DEVNULL)

    wheels = download_wheels(pip) + [pure_pyyaml(pip), pack_wheel(pip, wheels_dir)]
    wheels += kernel_wheels(wheels_dir)
    wheels += [placeholder_wheel(name, reason, wheels_dir) for name, reason in PLACEHOLDERS.items()]
    packages = stage_pyodide(wheels, lite)
    stage_contents(contents)
    stage_extensions(extensions)
    (lite / "jupyter_lite_config.json").write_text(
        json.dumps(lite_config(packages, contents, extensions), indent=2), encoding="utf-8")
    (lite / "jupyter-lite.json").write_text(json.dumps(jupyter_lite_json(packages), indent=2),
                                            encoding="utf-8")

    log("building the pages with Voici")
    env = {**os.environ, "JUPYTER_PATH": str(TEMPLATES)}
    run([str(Path(sys.executable).parent / "voici"), "build", "--lite-dir", str(lite)], cwd=lite, env=env)
    log(f"built {OUTPUT} in {time.monotonic() - started:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args()
    build([sys.executable, "-m", "pip", "--disable-pip-version-check"])


if __name__ == "__main__":
    main()
