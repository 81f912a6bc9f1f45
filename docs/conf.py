"""The documentation site of sphinx-jobdesc (https://sphinx-jobdesc.readthedocs.io/).

Built with ``-W`` in CI (``.ci/run``), by ``tox -e docs`` and on Read the Docs
(``.readthedocs.yaml``). The reference pages are generated from the code's own
declarations by ``_ext/jobdesc_reference.py``; the tutorial renders a real role
file with the extension itself.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

from sphinx_jobdesc import __version__

project = "sphinx-jobdesc"
author = "The sphinx-jobdesc authors"
copyright = "2026, The sphinx-jobdesc authors"
release = version = __version__

extensions = ["myst_parser", "sphinx_jobdesc", "jobdesc_reference"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header"]

# the tutorial's role files
jobdesc_roles_dir = "tutorial/roles"

html_theme = "furo" if __import__("importlib.util").util.find_spec("furo") else "alabaster"
html_title = f"sphinx-jobdesc {release}"
