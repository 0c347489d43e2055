"""Modules that share their name with their main function.

``narratives.align``, ``narratives.compare``, ``narratives.evaluate`` and
``narratives.normalize`` are both a module and the public function of that
name. Once anything imports the module (``import narratives.compare.coverage``),
Python binds ``narratives.compare`` to the module, shadowing the lazily
resolved function. Making the module callable keeps ``narratives.compare(...)``
working whichever of the two the name resolves to.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Let calling the module ``module_name`` call ``function``.

    Examples
    --------
    >>> import narratives.normalize as module
    >>> module("سورية", "match") == module.normalize("سورية", "match")
    True
    """

    class _CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs)

    _CallableModule.__call__.__doc__ = function.__doc__
    sys.modules[module_name].__class__ = _CallableModule
