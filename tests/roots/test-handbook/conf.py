project = "Handbook"
extensions = ["sphinx_jobdesc"]
jobdesc_templates_path = ["_templates"]
