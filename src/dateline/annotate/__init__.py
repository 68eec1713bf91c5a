"""Per-article stages: sentences, time expressions (timex_*), entities and quotes
(quote_*), and the spaCy model loader. ``dateline.pipeline`` lists them as stages."""
