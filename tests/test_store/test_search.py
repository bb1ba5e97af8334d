"""Search quality fixtures: French queries with typos, missing accents, facets, ranking rules, narrowing, spans."""

from __future__ import annotations

import pytest

from records.codec import dump, load
from records.entry import entry_of
from records.models import Author, Inspector, Person, Scenario, Teacher, Team, Theme, Tool
from store.search.engine import Searcher
from store.search.query import parse_query


def _scenario(slug, title, summary="", *, discipline="svt", academie="lille", campaign="2025-2026", levels=("cycle-4",),
              tools=(), keywords=(), crcn=("1.1",)):
    record = Scenario(
        campaign=campaign, disciplines=[discipline], academie=academie, theme=discipline, title=title,
        summary=summary, levels=list(levels), tools=[Tool(name=n, kind=k) for n, k in tools],
        keywords=list(keywords), crcn=list(crcn), authors=[Author(name="Léa Martin")],
    )
    return f"scenarios/{campaign}/{discipline}/{academie}/{slug}", record


def _team(title, *, discipline="svt", academie="lille", campaign="2025-2026"):
    record = Team(
        campaign=campaign, discipline=discipline, academie=academie, theme=discipline, project_title=title,
        pilot=Inspector(name="Anne Pilote", corps="ia-ipr"), referent=Person(name="Rémi Référent"),
        teachers=[Teacher(name=f"Prof {n}") for n in "ABC"], cardie=Person(name="Carole Cardie"),
    )
    return f"teams/{campaign}/{discipline}/{academie}", record


def _theme(title, *, discipline="svt", campaign="2025-2026"):
    return f"themes/{campaign}/{discipline}", Theme(campaign=campaign, discipline=discipline, title=title)


def entries(*items):
    """Build index entries the way the store does: canonical TOML text, loaded by the codec."""
    out = []
    for record_id, record in items:
        loaded = load(f"{record_id}.toml", dump(record))
        assert loaded.ok, loaded.problems
        out.append(entry_of(loaded, f"blob-{record_id}"))
    return out


def ids(hits):
    return [hit.entry.id for hit in hits]


CORPUS = entries(
    _scenario("jardin", "La biodiversité du jardin", "Inventaire des espèces avec Capytale.",
              tools=[("Capytale", "commun-public")], keywords=["écologie"]),
    _scenario("abeilles", "Enquête sur les abeilles", "Un projet sur la biodiversité et les pollinisateurs.",
              discipline="svt", academie="la-reunion", levels=("lycee-general",)),
    _scenario("eau", "Le cycle de l'eau en classe de 5e", "Maquettes et mesures.", discipline="physique-chimie",
              academie="creteil", levels=("cycle-4",), crcn=("3.4", "1.2")),
    _scenario("art", "Art et numérique", "Créer au collège.", discipline="arts-plastiques", academie="lyon"),
    _scenario("arts", "Arts plastiques et robotique", discipline="arts-plastiques", academie="nantes",
              levels=("lycee-professionnel",), tools=[("Scratch", "logiciel-libre")]),
    _scenario("partage", "Partager ses créations en ligne", discipline="emi", academie="nice", campaign="2024-2025",
              levels=("lycee-technologique",)),
    _scenario("oeuvres", "Écologie et Œuvres d'art", "Regards croisés.", discipline="histoire-des-arts",
              academie="rennes"),
    _team("Biodiversité urbaine", academie="lille"),
    _theme("Biodiversité et numérique"),
)


@pytest.fixture(scope="module")
def searcher():
    return Searcher(CORPUS, states={"scenarios/2025-2026/svt/lille/jardin": "propose"})


def test_typo_and_missing_accent_find_the_title(searcher):
    """`biodivrsté` (a letter missing) and `biodiversite` (no accent) both put the biodiversity titles first."""
    for query in ("biodivrsté", "biodiversite", "BIODIVERSITÉ", "biodiversit"):
        top = ids(searcher.search(query))[:3]
        assert "scenarios/2025-2026/svt/lille/jardin" in top, query
        assert "scenarios/2025-2026/svt/la-reunion/abeilles" in ids(searcher.search(query)), query


def test_a_title_word_beats_a_summary_hit(searcher):
    hits = searcher.search("biodiversite")
    order = ids(hits)
    assert order.index("scenarios/2025-2026/svt/lille/jardin") < order.index("scenarios/2025-2026/svt/la-reunion/abeilles")
    by_id = {h.entry.id: h.score for h in hits}
    assert by_id["scenarios/2025-2026/svt/lille/jardin"] > by_id["scenarios/2025-2026/svt/la-reunion/abeilles"]


def test_whole_word_then_prefix_then_inside_a_word(searcher):
    order = ids(searcher.search("art"))
    whole = order.index("scenarios/2025-2026/arts-plastiques/lyon/art")
    prefix = order.index("scenarios/2025-2026/arts-plastiques/nantes/arts")
    inside = order.index("scenarios/2024-2025/emi/nice/partage")
    assert whole < prefix < inside


def test_exact_word_beats_a_typo_match():
    corpus = entries(
        _scenario("a", "Rabots"),
        _scenario("b", "Des robots en classe de technologie"),
    )
    hits = Searcher(corpus).search("robots")
    assert ids(hits) == ["scenarios/2025-2026/svt/lille/b", "scenarios/2025-2026/svt/lille/a"]
    assert hits[0].score > hits[1].score


def test_ties_are_broken_by_kind_then_title_length_then_path():
    corpus = entries(
        _theme("Biodiversité"),
        _team("Biodiversité"),
        _scenario("zz", "Biodiversité"),
        _scenario("aa", "Biodiversité"),
        _scenario("court", "Biodiversité et mares"),
        _scenario("long", "Biodiversité et mares du collège"),
    )
    hits = Searcher(corpus).search("biodiversité")
    assert ids(hits) == [
        "scenarios/2025-2026/svt/lille/aa",
        "scenarios/2025-2026/svt/lille/zz",
        "scenarios/2025-2026/svt/lille/court",
        "scenarios/2025-2026/svt/lille/long",
        "teams/2025-2026/svt/lille",
        "themes/2025-2026/svt",
    ]
    assert [h.score for h in hits[:2]] == [100, 100]


def test_words_in_any_order_and_french_stop_words(searcher):
    assert ids(searcher.search("cycle de l'eau"))[0] == "scenarios/2025-2026/physique-chimie/creteil/eau"
    assert ids(searcher.search("eau cycle"))[0] == "scenarios/2025-2026/physique-chimie/creteil/eau"
    assert searcher.search("cycle abeilles") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("discipline:svt", {"scenarios/2025-2026/svt/lille/jardin", "scenarios/2025-2026/svt/la-reunion/abeilles",
                            "teams/2025-2026/svt/lille", "themes/2025-2026/svt"}),
        ("biodiversite academie:reunion", {"scenarios/2025-2026/svt/la-reunion/abeilles"}),
        ("académie:Créteil", {"scenarios/2025-2026/physique-chimie/creteil/eau"}),
        ("niveau:lycee", {"scenarios/2025-2026/svt/la-reunion/abeilles", "scenarios/2025-2026/arts-plastiques/nantes/arts",
                          "scenarios/2024-2025/emi/nice/partage"}),
        ("niveau:lycee-pro", {"scenarios/2025-2026/arts-plastiques/nantes/arts"}),
        ("niveau:5e", {s for s in (e.id for e in CORPUS) if s.startswith("scenarios/") and "cycle-4" in
                       next(x for x in CORPUS if x.id == s).levels}),
        ("biodiversite type:equipe", {"teams/2025-2026/svt/lille"}),
        ("biodiversite type:scénario", {"scenarios/2025-2026/svt/lille/jardin", "scenarios/2025-2026/svt/la-reunion/abeilles"}),
        ("biodiversite type:theme", {"themes/2025-2026/svt"}),
        ("campagne:2024", {"scenarios/2024-2025/emi/nice/partage"}),
        ("crcn:3", {"scenarios/2025-2026/physique-chimie/creteil/eau"}),
        ("crcn:programmer", {"scenarios/2025-2026/physique-chimie/creteil/eau"}),
        ("outil:capytale", {"scenarios/2025-2026/svt/lille/jardin"}),
        ("outil:libre", {"scenarios/2025-2026/arts-plastiques/nantes/arts"}),
        ("etat:propose", {"scenarios/2025-2026/svt/lille/jardin"}),
        ("etat:valide", set()),
        ("discipline:svt,physique", {"scenarios/2025-2026/svt/lille/jardin", "scenarios/2025-2026/svt/la-reunion/abeilles",
                                     "teams/2025-2026/svt/lille", "themes/2025-2026/svt",
                                     "scenarios/2025-2026/physique-chimie/creteil/eau"}),
    ],
)
def test_facets(searcher, query, expected):
    assert set(ids(searcher.search(query, limit=None))) == expected


def test_facet_only_query_lists_in_stable_order(searcher):
    first = searcher.search("discipline:svt")
    assert [h.score for h in first] == [0] * len(first)
    assert ids(first) == ids(Searcher(list(reversed(CORPUS))).search("discipline:svt"))
    # Scenarios first, the shorter title first: "Enquête sur les abeilles" (24) before "La biodiversité du jardin" (25).
    assert ids(first)[:2] == ["scenarios/2025-2026/svt/la-reunion/abeilles", "scenarios/2025-2026/svt/lille/jardin"]


def test_parse_query_facets_unknown_and_empty():
    query = parse_query("Biodiversité  NIVEAU:Lycée couleur:bleu discipline: niveau:zzz")
    assert query.words == ("biodiversite", "bleu")
    assert query.unknown == ("couleur",)
    assert query.facet("niveau").values == ("lycee", "zzz")
    assert query.facet("niveau").codes == {"lycee-general", "lycee-technologique", "lycee-professionnel"}
    assert query.facet("discipline") is None  # still being typed: no filter
    assert query.empty_facets == ("niveau:zzz",)
    assert query.messages == [
        "filtre inconnu « couleur: » (filtres possibles : discipline:, académie:, campagne:, niveau:, type:, état:, "
        "outil:, crcn:)",
        "aucune valeur ne correspond à « niveau:zzz » (valeurs possibles : cycle-1, cycle-2, cycle-3, cycle-4, "
            "lycee-general, lycee-technologique, …)",
    ]
    assert parse_query("état:Validé").facet("etat").codes == {"academique", "national"}
    assert parse_query("type:équipes").facet("type").codes == {"team"}
    assert parse_query("la").words == ("la",)  # a stop word alone, or last, may be a word being typed
    assert parse_query("la biodiversité du").words == ("biodiversite", "du")


def test_unknown_facet_is_searched_as_text(searcher):
    hits = searcher.search("sujet:abeilles")
    assert ids(hits) == ["scenarios/2025-2026/svt/la-reunion/abeilles"]


def test_empty_query_returns_nothing(searcher):
    assert searcher.search("") == []
    assert searcher.search("   ") == []


def _signature(hits):
    return [(h.entry.id, h.score, h.spans) for h in hits]


@pytest.mark.parametrize("typed", ["biodivrsté discipline:svt", "arts plastiques", "cycle de l'eau niveau:5e",
                                   "Écologie œuvres"])
def test_incremental_narrowing_gives_the_same_results_as_a_fresh_search(typed):
    incremental = Searcher(CORPUS)
    steps = [typed[:n] for n in range(1, len(typed) + 1)]
    steps += [typed[:n] for n in range(len(typed) - 1, 0, -1)]  # and back with backspace
    for text in steps:
        assert _signature(incremental.search(text)) == _signature(Searcher(CORPUS).search(text)), text


def test_spans_point_into_the_accented_title(searcher):
    hit = next(h for h in searcher.search("oeuvres ecologie") if h.entry.id.endswith("/oeuvres"))
    title = hit.entry.title
    assert [title[a:b] for a, b in hit.spans] == ["Écologie", "Œuvres"]
    hit = searcher.search("biodivrsté")[0]
    assert [hit.entry.title[a:b] for a, b in hit.spans] == ["biodiversité"]
    hit = next(h for h in searcher.search("biodiv") if h.entry.id.endswith("/jardin"))
    assert [hit.entry.title[a:b] for a, b in hit.spans] == ["biodiv"]


def test_short_words_only_match_title_word_starts(searcher):
    assert "scenarios/2025-2026/arts-plastiques/nantes/arts" in ids(searcher.search("ro"))
    assert "scenarios/2025-2026/svt/lille/jardin" not in ids(searcher.search("ap"))  # "Capytale" is in the summary


def test_limit(searcher):
    assert len(searcher.search("discipline:svt", limit=2)) == 2
    assert len(searcher.search("e", limit=3)) == 3


@pytest.fixture(scope="module")
def synthetic():
    """400 records of the benchmark's generator: enough for every scan path and tier of the ranking."""
    from bench import corpus

    return entries(*corpus.commons(400, seed=7))


def _reference(searcher, text, limit=50):
    """Rank by brute force: grade every record on every word, sort by total then tie-break order."""
    from store.search.ranking import Grader

    query = parse_query(text)
    patterns = {}
    for word in query.words:
        if len(searcher._word_list(word, fuzzy=False)) < 5 and searcher._words().pattern(word) is not None:
            patterns[word] = searcher._words().pattern(word)
    graders = [Grader(word, patterns.get(word)) for word in query.words]
    scored = []
    for i, (title, text_key) in enumerate(zip(searcher._titles, searcher._texts)):
        total = 0
        for grader in graders:
            grade = grader.title_grade(title) or grader.text_grade(text_key)
            if grader.short and f" {grader.word}" not in title:
                grade = 0  # short words: only at the start of a title word
            if not grade:
                break
            total += grade
        else:
            if all(searcher._facet_filter(f, [i]) for f in query.facets):
                scored.append((-total, i))
    scored.sort()
    return [(searcher.entries[i].id, round(-t / len(query.words))) for t, i in scored[:limit]]


def test_ranking_shortcuts_agree_with_brute_force(synthetic):
    from bench.measures import QUERIES, corpus_queries, keystrokes

    searcher = Searcher(synthetic)
    typed = keystrokes(QUERIES + ("la", "données ouvertes capytale", "élèves", "séance")) + keystrokes(corpus_queries())
    for n, text in enumerate(typed):
        if not parse_query(text).words:
            continue
        limit = 50 if n % 2 else 7  # a small limit too: every tier stops early
        got = [(h.entry.id, h.score) for h in searcher.search(text, limit=limit)]
        assert got == _reference(Searcher(synthetic), text, limit), text


def test_typo_word_list_is_kept_between_runs_while_blobs_are_the_same(tmp_path):
    from store.index import cachedir

    cache = tmp_path / "traam" / "vocabulary.txt"
    first = Searcher(CORPUS)
    first.warm(cache)
    key, *words = bytes(cachedir.read(cache)).decode().split("\n")
    assert "biodiversite" in words and key.startswith("traam-vocabulary-1 ")
    cachedir.write(cache, "\n".join([key, *words, "zzzmot"]).encode())
    again = Searcher(list(reversed(CORPUS)))
    again.warm(cache)
    assert "zzzmot" in again._words().words  # read back, not rebuilt
    changed = Searcher(CORPUS[1:])
    changed.warm(cache)
    assert "zzzmot" not in changed._words().words  # other blobs: rebuilt and saved again
    assert bytes(cachedir.read(cache)).decode().split("\n")[0] != key
    assert [h.entry.id for h in changed.search("abeils")] == ["scenarios/2025-2026/svt/la-reunion/abeilles"]


def test_a_truncated_typo_word_list_is_rebuilt_not_taken_as_a_short_one(tmp_path):
    cache = tmp_path / "traam" / "vocabulary.txt"
    Searcher(CORPUS).warm(cache)
    data = cache.read_bytes()
    cache.write_bytes(data[: len(data) // 3])  # the key survives, most words are gone
    again = Searcher(CORPUS)
    again.warm(cache)
    assert "biodiversite" in again._words().words
    assert [h.entry.id for h in again.search("abeils")] == ["scenarios/2025-2026/svt/la-reunion/abeilles"]


def test_searches_from_several_threads_agree_with_one_thread(synthetic):
    """Interfaces search in worker threads, and a stale search may still run when the next one starts."""
    from concurrent.futures import ThreadPoolExecutor

    from bench.measures import QUERIES, keystrokes

    typed = keystrokes(QUERIES)
    expected = [_signature(Searcher(synthetic).search(t)) for t in typed]
    shared = Searcher(synthetic)
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: _signature(shared.search(t)), typed))
    assert got == expected
