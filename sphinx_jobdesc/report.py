"""Problems as Sphinx warnings: type ``jobdesc``, a documented subtype, a location.

The core returns :class:`~.core.problems.Problem` values; this is the one place
where they (and the Sphinx layer's own findings) become log records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sphinx
from sphinx.util import logging

from .core.problems import WARNING_TYPE, Origin, Severity, Subtype, location

if TYPE_CHECKING:
    from docutils.nodes import Node

_LOGGER = logging.getLogger("sphinx_jobdesc")


def warn(message: str, subtype: Subtype, where: str | Origin | Node | None) -> None:
    """Log a typed ``jobdesc`` warning at *where*: ``file:line``, an origin or a node.

    Sphinx 8 and later show ``[jobdesc.<subtype>]`` themselves; before that the
    suffix is added here so users can see what to put in ``suppress_warnings``.
    """
    if isinstance(where, tuple):
        where = location(where)
    if sphinx.version_info < (8,):
        message = f"{message} [{WARNING_TYPE}.{subtype}]"
    _LOGGER.warning(message, type=WARNING_TYPE, subtype=subtype, location=where)


def tell(message: str, subtype: Subtype, where: str | Origin | Node | None,
         severity: Severity) -> None:
    """A problem of *severity*: a warning, or a plain message for "info", which is for
    the reader only and never fails a ``-W`` build."""
    if severity != "info":
        warn(message, subtype, where)
        return
    if isinstance(where, tuple):
        where = location(where)
    _LOGGER.info(f"{message} [{WARNING_TYPE}.{subtype}]", location=where)
