"""Provides publishing and gathering: exports (Édubase CSV, JSON, static site, synthesis, Atom), import, statistics.

Everything here is a pure function over ``{record_id: Model}`` and
``{record_id: state}`` (states from :mod:`store.review.states`), so the command line
and the terminal application call the same code. See :mod:`store.publish.run`
for the entry point that writes an export to disk.
"""
