"""Provides the benchmark's report: each measure with its floor of the same run, the ratio, the target, met or not.

:func:`rows` turns a run's raw figures into rows (also written by
``--json``); :func:`table` prints them as French text. Targets are those of
issue 16, at 100,000 records: a ratio to a floor wherever a floor exists.
"""

from __future__ import annotations


def _fr(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def duration(seconds: float | None) -> str:
    """Return ``seconds`` in French, in ms below one second."""
    if seconds is None:
        return "—"
    if seconds < 1:
        return f"{_fr(seconds * 1000, 1 if seconds < 0.1 else 0)} ms"
    return f"{_fr(seconds, 2)} s"


def _row(name: str, value: float | None, floor_name: str = "", floor: float | None = None, *,
         target: str = "", limit: float | None = None, by: str = "ratio", unit: str = "s", detail: str = "") -> dict:
    """One row; ``by`` says what ``limit`` bounds: the ratio, the value, or the excess over the floor."""
    ratio = value / floor if value is not None and floor else None
    if limit is None or value is None:
        met = None
    elif by == "ratio":
        met = ratio is not None and ratio <= limit
    elif by == "excess":
        met = floor is not None and value - floor <= limit
    elif by == "at_least":
        met = ratio is not None and ratio >= limit
    else:
        met = value <= limit
    return {"measure": name, "value": value, "unit": unit, "floor_name": floor_name, "floor": floor,
            "ratio": ratio, "target": target, "met": met, "detail": detail}


def rows(result: dict) -> list[dict]:
    """Return the report rows of a run (see :func:`_row` for the fields)."""
    floors, cold, warm, val = result["floors"], result["cold"], result["warm"], result["validate"]
    read1, read2 = floors["read1"]["seconds"], floors["read2"]["seconds"]
    search, out = warm["search"], []
    app = result.get("app")
    if app:
        keys, floor_keys = app["keys"], app["floor_keys"]
        out.append(_row("premier écran avec données", app["first_paint"], "premier écran Textual",
                        app["floor_first_paint"], target="≤ 1,3 ×", limit=1.3,
                        detail=f"pty 120×40, médiane de {len(app['first_paint_runs'])} lancements"))
        out.append(_row("frappe → résultats peints, p95", keys["p95"], "frappe Textual p95", floor_keys["p95"],
                        target="≤ plancher + 16 ms", limit=0.016, by="excess",
                        detail=f"{keys['count']} frappes ; p50 {duration(keys['p50'])}, p99 {duration(keys['p99'])},"
                               f" max {duration(keys['max'])} (plancher p99 {duration(floor_keys['p99'])})"))
    out.append(_row("moteur de recherche seul, p95", search["p95"], target="≤ 10 ms", limit=0.010, by="value",
                    detail=f"{search['count']} frappes ; p50 {duration(search['p50'])}, p99 "
                           f"{duration(search['p99'])}, max {duration(search['max'])} ; temps processeur p95 "
                           f"{duration(search['cpu_p95'])} (la charge de la machine s'ajoute au temps écoulé)"))
    out.append(_row("moteur de recherche seul, p95 du temps processeur", search["cpu_p95"], target="≤ 10 ms",
                    limit=0.010, by="value", detail="le même, sans l'attente du processeur sur une machine chargée"))
    fzf = result.get("fzf")
    if fzf:
        out.append(_row("pair : fzf --filter par frappe, p50", fzf["p50"], "moteur traam p50 (mêmes frappes)",
                        fzf["engine_p50"], target="≥ 300 × traam", limit=300, by="at_least",
                        detail=f"{fzf['count']} frappes ; ratio = combien de fois fzf est plus lent"))
    out.append(_row("index de recherche : construction", warm["index"] + warm["warm"], unit="s",
                    detail=f"{warm['vocabulary']} mots ; mémoire {warm['rss_index_mb']:.0f} Mo"))
    out.append(_row("ouverture à chaud → tout cherchable", warm["open"] + warm["index"], "copie de travail",
                    floors["worktree"]["seconds"], target="≤ 1,2 ×", limit=1.2,
                    detail=f"médiane de {len(warm.get('runs', [1]))} processus"))
    out.append(_row("ouverture à froid, avec progression", cold["open"], "lecture, 2 processus", read2,
                    target="≤ 1,2 ×", limit=1.2,
                    detail=f"lecture en 1 processus : {duration(read1)} ({cold['open'] / read1:.2f} ×)"))
    out.append(_row("tout valider, à froid", val["validate"], "lecture, 2 processus", read2, target="≤ 1,3 ×",
                    limit=1.3, detail=f"{val['problems']} problème(s)"))
    save, hooks = result["save"], result["hooks"]
    commit_floor = floors["commit"]["seconds"]
    out.append(_row("un commit par l'application (hooks installés)", save["seconds"], "git commit", commit_floor,
                    target="≤ 2 ×", limit=2.0, detail="Commons.save, comme l'éditeur"))
    out.append(_row("git commit avec le hook pre-commit", hooks["commit_hooked"], "git commit", commit_floor,
                    detail=f"sans hook, même mesure : {duration(hooks['commit_plain'])}"))
    out.append(_row("git push avec le hook pre-receive", hooks["push_hooked"], "git push sans hook",
                    hooks["push_plain"], detail="une branche contrib/ poussée vers une copie nue"))
    out.append(_row("mémoire résidente à chaud", warm["rss_mb"], unit="Mo", target="≤ 200 Mo", limit=200,
                    by="value"))
    out.append(_row("mémoire résidente à froid", cold["rss_mb"], unit="Mo", target="≤ 300 Mo", limit=300,
                    by="value"))
    signature = floors["signature"]["seconds"]
    verify = result.get("verify")
    if verify:
        merges = verify["merges"]
        out.append(_row(f"traam verify, {merges} fusions signées, à froid", verify["cold"],
                        f"{merges} × signature", merges * signature, target="≤ 0,5 ×", limit=0.5,
                        detail=f"une signature : {duration(signature)} ; processeur {duration(verify['cold_cpu'])}"))
        out.append(_row("traam verify, rien de nouveau", verify["again"], target="≤ 0,2 s", limit=0.2, by="value",
                        detail=f"processeur {duration(verify['again_cpu'])} (démarrage de Python compris)"))
    export = result.get("export")
    if export:
        out.append(_row("export du site, pic de mémoire", export["rss_mb"], unit="Mo", target="≤ 400 Mo",
                        limit=400, by="value", detail=f"durée {duration(export['seconds'])}, {export['files']} fichiers"))
        out.append(_row("site : premier téléchargement de la recherche", export["search_bytes"] / 1000, unit="Ko",
                        target="≤ 500 Ko", limit=500, by="value", detail="recherche.html et static/"))
    out.append(_row("historique d'un enregistrement", result["write"]["history"],
                    detail=f"{result['write']['history_items']} commit(s)"))
    return out


def _value(row: dict) -> str:
    if row["unit"] in ("Mo", "Ko"):
        return "—" if row["value"] is None else f"{row['value']:.0f} {row['unit']}"
    return duration(row["value"])


def cells(row: dict) -> list[str]:
    """Return the text cells of a row: measure, value, floor, ratio, target, met."""
    floor = f"{row['floor_name']} {duration(row['floor'])}" if row["floor"] is not None else "—"
    ratio = "—" if row["ratio"] is None else f"{_fr(row['ratio'], 2)} ×"
    met = {True: "oui", False: "NON", None: ""}[row["met"]]
    return [row["measure"], _value(row), floor, ratio, row["target"], met]


def table(result: dict) -> str:
    """Return the French table of a run, floors and ratios included."""
    header = ["mesure", "résultat", "plancher (même passage)", "ratio", "cible", "atteinte"]
    body = [cells(row) for row in result["rows"]]
    width = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = [
        f"Banc d'essai traam — {result['records']} enregistrements ; {result['machine']} ; {result['cpus']} cœurs, "
        f"charge moyenne {_fr(result['load_average'], 1)} → {_fr(result['load_average_end'], 1)}",
        "  ".join(h.ljust(w) for h, w in zip(header, width)),
        "  ".join("-" * w for w in width),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, width)) for row in body]
    lines.append("")
    lines += [f"  {row['measure']} : {row['detail']}" for row in result["rows"] if row["detail"]]
    return "\n".join(lines)


def markdown(results: list[dict]) -> str:
    """Return a Markdown table of several runs (one column per size): value, and ratio to its floor when any."""
    sizes = [r["records"] for r in results]
    names = list(dict.fromkeys(row["measure"] for r in results for row in r["rows"]))
    lines = ["| mesure | " + " | ".join(f"{n:,}".replace(",", " ") for n in sizes) + " | cible à 100 000 |",
             "|---" * (len(sizes) + 2) + "|"]
    for name in names:
        found = [next((row for row in r["rows"] if row["measure"] == name), None) for r in results]
        shown = []
        for row in found:
            if row is None:
                shown.append("—")
                continue
            text = _value(row)
            if row["ratio"] is not None:
                text += f" ({_fr(row['ratio'], 2)} × {duration(row['floor'])})"
            if row["met"] is False:
                text = f"**{text}**"
            shown.append(text)
        target = next((row["target"] for row in found if row and row["target"]), "—")
        floor_name = next((row["floor_name"] for row in found if row and row["floor_name"]), "")
        if floor_name:
            target = f"{target} {floor_name}" if target != "—" else f"plancher : {floor_name}"
        lines.append(f"| {name} | " + " | ".join(shown) + f" | {target} |")
    machines = "; ".join(f"{r['records']} : charge {_fr(r['load_average'], 1)} → {_fr(r['load_average_end'], 1)}"
                         for r in results)
    return "\n".join(lines) + f"\n\nMachine : {results[0]['machine']}, {results[0]['cpus']} cœurs ; {machines}."


if __name__ == "__main__":
    import json
    import sys
    from pathlib import Path

    print(markdown([json.loads(Path(path).read_text(encoding="utf-8")) for path in sys.argv[1:]]))
