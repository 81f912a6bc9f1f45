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

# Every check is on (the default); this handbook also requires rating anchors
# for every question and a salary range in every posting. The review dates in
# roles/ are fixed in this repository, so the example turns the staleness
# check off; a real handbook keeps the default (365 days) so that roles nobody
# reviewed for a year show up in the build. hiring/checks shows all checks.
jobdesc_require_anchors = True
jobdesc_require_salary = True
jobdesc_stale_after_days = 0

# hiring/roles-diff.md is what `sphinx-jobdesc diff --format markdown` writes for a
# pull request (hiring/role-files links to it), not a page.
exclude_patterns = ["_build", "hiring/roles-diff.md"]

# One source, two audiences. `sphinx-build -t public` builds the careers site:
# interview guides show only what candidates may know, items marked
# `visibility: internal` are left out, and the pages for hiring managers are
# not built at all. Single-role pages carry schema.org JobPosting data.
if tags.has("public"):  # noqa: F821 - Sphinx provides `tags` to conf.py
    exclude_patterns += ["hiring/*"]
    suppress_warnings = ["toc.excluded"]  # the hiring toctree points at excluded pages

# `sphinx-build -b jobdesc` (or any HTML build, with this) writes jobdesc.json
# and greenhouse.json: every role and level, for other systems.
jobdesc_export = True
html_theme = "alabaster"
html_static_path = ["_static"]
html_css_files = ["handbook.css"]
latex_documents = [
    ("index", "acme-handbook.tex", project, author, "manual"),
]
