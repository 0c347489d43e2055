"""Stories, copies and talking points: the levels around claims.

``narratives.group_stories(articles, statements, alignments)`` gives every
article a ``story_id`` (one event covered by one or more outlets within a few
days; ``schemas.STORIES``); :func:`story_summary` gives one row per story
(``schemas.STORY_SUMMARY``).
"""

from __future__ import annotations

from narratives.stories.group import articles_from_statements, group_stories, story_summary

__all__ = ["articles_from_statements", "group_stories", "story_summary"]
