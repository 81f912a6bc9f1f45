"""``python -m sphinx_jobdesc``: the ``sphinx-jobdesc`` command line."""

from .cli import main

raise SystemExit(main())
