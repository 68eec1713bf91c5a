"""Renderers: timelines, articles and run reports as JSON, Markdown and tilse text."""

from dateline.render.json import articles_to_dict, timeline_to_dict, to_json
from dateline.render.markdown import render_articles_markdown, render_timeline_markdown
from dateline.render.tilse import render_tilse

__all__ = [
    "articles_to_dict",
    "render_articles_markdown",
    "render_tilse",
    "render_timeline_markdown",
    "timeline_to_dict",
    "to_json",
]
