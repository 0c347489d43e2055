"""Engines that run the pipeline's stage functions elsewhere than in this process.

``local`` (the default everywhere) is the plain in-process path. ``spark``
(:mod:`narratives.engine.spark`, optional extra ``narratives[spark]``) runs
the same stage functions on Apache Spark. Importing this package imports no
engine.
"""

from __future__ import annotations

ENGINES: tuple[str, ...] = ("local", "spark")

__all__ = ["ENGINES"]
