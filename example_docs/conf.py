"""Acme Engineering Handbook: the example handbook of sphinx-jobdesc."""

project = "Acme Engineering Handbook"
author = "Acme Engineering"
copyright = "2026, Acme Scheduling GmbH"
version = release = "2026.11"

extensions = ["myst_parser", "sphinx_design", "sphinx_jobdesc"]

# Role files live in roles/ (the default). Most pages use the plain layout;
# careers/design-layout shows the sphinx-design one.
jobdesc_layout = "plain"
jobdesc_labels = {"responsibilities": "What you will do"}

exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
latex_documents = [
    ("index", "acme-handbook.tex", project, author, "manual"),
]
