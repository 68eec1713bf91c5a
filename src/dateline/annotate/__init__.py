"""Per-article stages: sentences, time expressions (the ``timex`` package: rules,
lexicon, calendar arithmetic, resolver, discourse), entities, quotes (the ``quotes``
package: quotation marks, cues, clauses, speakers, fallbacks), and the spaCy model
loader. ``dateline.pipeline`` lists them as stages."""
