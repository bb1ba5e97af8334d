"""Provides the French name of every command-line flag, with the English spellings kept as aliases.

Commands declare their flags as they like; :func:`frenchify` then walks the
whole parser once: each flag gets its French name first (what help shows)
and keeps the other spelling as an alias, so ``--limite`` and ``--limit``,
``--tout`` and ``--all``, ``--sans-fetch`` and ``--no-fetch`` all work.
"""

from __future__ import annotations

import argparse

FRENCH = {
    "--limit": "--limite",
    "--all": "--tout",
    "--no-fetch": "--sans-fetch",
    "--no-push": "--sans-envoi",
    "--merge-request": "--demande-de-fusion",
    "--no-merge-request": "--sans-demande-de-fusion",
    "--apply": "--appliquer",
    "--kind": "--type",
    "--branch": "--branche",
    "--check": "--verifier",
    "--reset": "--reinitialiser",
    "--path": "--chemin",
    "--name": "--nom",
    "--new": "--nouvelle",
    "--key": "--cle",
    "--resolve": "--resoudre",
    "--into": "--vers",
    "--force": "--forcer",
    "--record": "--enregistrement",
    "--remote": "--distant",
    "--server": "--serveur",
    "--output": "--sortie",
    "--first-parent": "--premier-parent",
    "--with-emails": "--avec-courriels",
    "--state": "--etat",
    "--campaign": "--campagne",
    "--yes": "--oui",
}
"""English spelling → French name."""

ENGLISH = {french: english for english, french in FRENCH.items()}


def _parsers(parser: argparse.ArgumentParser):
    yield parser
    for action in parser._actions:  # noqa: SLF001 - argparse keeps sub-parsers there
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            seen = set()
            for sub in action.choices.values():
                if id(sub) not in seen:  # aliases of a command share one parser
                    seen.add(id(sub))
                    yield from _parsers(sub)


def frenchify(parser: argparse.ArgumentParser) -> None:
    """Give every flag of ``parser`` and its sub-commands its French name first and its English alias."""
    for each in _parsers(parser):
        known = each._option_string_actions  # noqa: SLF001
        for action in each._actions:  # noqa: SLF001
            names = list(action.option_strings)
            for name in list(names):
                other = FRENCH.get(name) or ENGLISH.get(name)
                if other and other not in known:
                    known[other] = action
                    names.append(other)
            short = [n for n in names if not n.startswith("--")]
            french = [n for n in names if n.startswith("--") and n not in FRENCH]
            action.option_strings = [*dict.fromkeys([*short, *french, *names])]
