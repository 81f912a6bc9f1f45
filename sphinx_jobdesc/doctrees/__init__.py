"""The shipped plain layouts written directly as docutils nodes (see :mod:`.writer`).

A directive whose templates are all the bundled ones gets these nodes; a
project that overrides a template, whole or a block, gets its template
rendered and parsed. Both give one doctree (``tests/test_doctrees.py``).
"""
