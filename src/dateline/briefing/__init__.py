"""The briefing: who the actors are, what they said, and how the story moved."""

from __future__ import annotations

from dateline.briefing.actors import Actor, build_actors, resolve_speaker

__all__ = ["Actor", "build_actors", "resolve_speaker"]
