"""``dateline serve``: a local web app over a store (search, timelines and briefings on
demand, the article view with provenance, CSV downloads, curation)."""

from dateline.serve.app import create_app

__all__ = ["create_app"]
