"""Provides ``traam edit ID``: edit a record's TOML in ``$EDITOR``, validate it, commit it."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Register ``traam edit``."""
    parser = sub.add_parser("edit", add_help=False, help="modifier un enregistrement dans $EDITOR",
                            description="Ouvre le TOML de l'enregistrement dans $VISUAL ou $EDITOR, le valide au retour, "
                                        "puis l'enregistre et le commite. Un texte invalide n'est jamais perdu : il "
                                        "est conservé dans .git/traam/recovery/.")
    parser.add_argument("id", metavar="ID", help="identifiant (chemin sans .toml)")
    parser.add_argument("-m", "--message", help="message du commit (par défaut « Modifier ID »)")
    parser.add_argument("-h", "--help", action="help", help="afficher cette aide et quitter")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Edit, validate, save; exit 0 saved or unchanged, 1 abandoned, refused or not found."""
    from records import codec, layout
    from store.commons import Commons
    from store.errors import StoreError
    from tui.cli.editor import edit_loop
    from tui.cli.output import fail

    record_id = layout.id_of(args.id).strip("/")
    try:
        commons = Commons.open(".")
        path = layout.path_of(record_id)
        layout.locate(path)
        snapshot = commons.load()
    except layout.LayoutError as error:
        return fail(str(error), 2)
    except StoreError as error:
        return fail(str(error))
    text = snapshot.text(record_id)
    if text is None:
        if record_id in snapshot.entries:
            return fail(f"« {record_id} » ne peut pas être lu (lien symbolique refusé)")
        return fail(f"aucun enregistrement « {record_id} » (pour en créer un : traam new TYPE --id {record_id})")
    blob = snapshot.blob(record_id)

    def check(edited: str):
        return record_id, codec.load(path, edited)

    def save(edited: str, loaded) -> str:
        saved = commons.save(loaded.record, record_id=record_id, expected_blob=blob, message=args.message,
                             text=codec.dump(loaded.record))
        return f"Enregistré : {record_id} (commit {saved.commit[:10]})"

    return edit_loop(commons.data_dir / "recovery", record_id, text, check, save)
