"""JupyterLab's settings for adapting the pack (``make edit``; see ``edit.py`` beside this).

A traitlets configuration file: ``c`` is given by the loader.
"""

from pathlib import Path

#: JupyterLab's configuration folder while adapting the pack (edit.py sets it as
#: JUPYTER_CONFIG_DIR): the pack's CSS and settings are kept in git, JupyterLab's state is not.
STATE = Path(__file__).resolve().parents[2] / ".jupyter-edit"
c = get_config()  # noqa: F821

# Saved clean, always: outputs and execution counts never reach the file.
c.ContentsManager.pre_save_hook = "peer_support.server.edit.save_clean"
# Nothing leaves the computer: no news feed, no update check, no extension catalogue.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"
# The pack's settings (settings/overrides.json): JupyterLab never asks to fetch news, and
# widget state is not saved into notebooks.
c.LabApp.app_settings_dir = str(STATE / "settings")
# Trust records for the pack's own notebooks (edit.py signs the clean ones in notebooks/, so
# the preview does not ask whether to trust them) stay here, not in the home folder.
c.NotebookNotary.data_dir = str(STATE)
# The authoring view's own CSS: custom/custom.css in the configuration folder that edit.py
# gives JupyterLab (.jupyter-edit/ in the repository).
c.LabApp.custom_css = True
# Machines set up as root (a container, a CI runner) may still adapt the pack.
c.ServerApp.allow_root = True
# The preview (Voilà inside JupyterLab) would otherwise load MathJax from a CDN, as the pack's
# own server never does; with no address set, nothing is fetched.
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None}
