"""Provides ``traam new KIND``: create a record from a template in ``$EDITOR``, validate it, commit it."""

from __future__ import annotations

import argparse

from records.templates import KINDS


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``traam new``."""
    parser = sub.add_parser("new", add_help=False, help="créer un enregistrement dans $EDITOR à partir d'un modèle",
                            description="Ouvre un modèle dans $VISUAL ou $EDITOR, le valide au retour, puis "
                                        "l'enregistre et le commite. Un texte invalide n'est jamais perdu : il est "
                                        "conservé dans ~/.local/state/traam/recuperation/.")
    parser.add_argument("kind", metavar="TYPE", choices=sorted(KINDS),
                        help="campagne, thematique, equipe ou scenario")
    parser.add_argument("--id", help="identifiant voulu (sinon déduit du contenu ; pour un scénario, du titre)")
    parser.add_argument("-m", "--message", help="message du commit (par défaut « Créer ID »)")
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Create, validate, save; exit 0 saved, 1 abandoned or refused, 2 bad id."""
    from records import codec, layout
    from records.models import MODELS
    from records.templates import text as template
    from store.commons import Commons, id_of
    from store.errors import StoreError
    from tui.cli.editor import edit_loop, recovery_folder
    from tui.cli.output import fail

    kind = KINDS[args.kind]
    record_id = layout.id_of(args.id).strip("/") if args.id else None
    try:
        commons = Commons.open(".")
        snapshot = commons.load()
        campaigns = sorted(e.campaign for e in snapshot.entries.values() if e.kind == "campaign" and e.campaign)
        initial = template(kind, record_id, campaigns[-1] if campaigns else "2026-2027")
    except layout.LayoutError as error:
        return fail(str(error), 2)
    except StoreError as error:
        return fail(str(error))
    if record_id and record_id in snapshot.entries:
        return fail(f"« {record_id} » existe déjà (pour le modifier : traam edit {record_id})")

    def check(edited: str):
        rid = record_id
        if rid is None:
            table, problems = codec.parse_text("nouveau.toml", edited)
            if table is None:
                return None, codec.Loaded("nouveau.toml", problems=problems)
            try:
                rid = id_of(MODELS[kind].model_validate(table))
            except ValueError:
                rid = None  # the problems come from the real load below, with lines
        path = layout.path_of(rid) if rid else _placeholder(kind)
        return rid, codec.load(path, edited)

    def save(edited: str, loaded) -> str:
        rid = record_id or id_of(loaded.record)
        saved = commons.save(loaded.record, record_id=rid, expected_blob=None, message=args.message,
                             text=codec.dump(loaded.record))
        return f"Créé : {rid} (commit {saved.commit[:10]})"

    return edit_loop(recovery_folder(), f"nouveau-{kind}", initial, check, save, unchanged_ok=False)


def _placeholder(kind: str) -> str:
    """A path of the right kind, to collect schema problems before the id is known."""
    return {"campaign": "campaigns/2026-2027.toml", "theme": "themes/2026-2027/svt.toml",
            "team": "teams/2026-2027/svt-1/lille.toml",
            "scenario": "scenarios/2026-2027/svt/lille/nouveau.toml"}[kind]
