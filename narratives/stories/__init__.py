"""Stories, copies and talking points: the levels around claims.

``narratives.group_stories(articles, statements, alignments)`` gives every
article a ``story_id`` (one event covered by one or more outlets within a few
days; ``schemas.STORIES``); :func:`story_summary` gives one row per story
(``schemas.STORY_SUMMARY``); :func:`copies` says what each republished copy
changed (``schemas.COPIES``); :func:`talking_points` groups statements
that repeat one position across stories (``schemas.TALKING_POINTS``);
:func:`reliability_notes` says, per level, how far to trust what was found
(``schemas.RELIABILITY``).
"""

from __future__ import annotations

from narratives.stories.copies import copies
from narratives.stories.group import articles_from_statements, group_stories, story_summary
from narratives.stories.reliability import reliability_notes
from narratives.stories.talking_points import talking_points

__all__ = [
    "articles_from_statements",
    "copies",
    "group_stories",
    "reliability_notes",
    "story_summary",
    "talking_points",
]
