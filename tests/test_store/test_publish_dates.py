"""Tests of the landing dates of records on a branch (when their current version was merged), used by the Atom feeds."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import xml.etree.ElementTree as ET

from records import codec
from records.models import Manifest
from store.publish import atom
from store.publish.dates import landing_dates
from tests.conftest import git
from tests.test_store.publish_fixtures import sample_records

OLD = "scenarios/2026-2027/svt/lille/defi-botanique"
NEW = "scenarios/2026-2027/svt/nantes/compter-les-oiseaux"


def _at(repo, date: str, *args: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def test_landing_dates_follow_first_parent_merges_and_feed_the_atom_order(tmp_path):
    records = sample_records()
    files = {"traam.toml": codec.dump(Manifest(name="Commun"))}
    files |= {f"{rid}.toml": codec.dump(r) for rid, r in records.items() if rid != NEW}
    repo = tmp_path / "commun"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    _at(repo, "2026-09-10T08:00:00+00:00", "commit", "-q", "-m", "Commun initial")
    git(repo, "switch", "-q", "-c", "contrib/nantes/oiseaux")
    (repo / f"{NEW}.toml").parent.mkdir(parents=True, exist_ok=True)
    (repo / f"{NEW}.toml").write_text(codec.dump(records[NEW]), encoding="utf-8")
    git(repo, "add", "-A")
    _at(repo, "2026-10-01T08:00:00+00:00", "commit", "-q", "-m", "Oiseaux")
    git(repo, "switch", "-q", "main")
    _at(repo, "2027-01-15T10:30:00+00:00", "merge", "-q", "--no-ff", "-m", "Validation", "contrib/nantes/oiseaux")

    dates = landing_dates(repo, "main")
    assert dates[OLD] == dt.datetime(2026, 9, 10, 8, 0, tzinfo=dt.UTC)
    assert dates[NEW] == dt.datetime(2027, 1, 15, 10, 30, tzinfo=dt.UTC)  # the merge, not the authoring commit
    assert landing_dates(repo, "academie/lille") == {}

    feed = atom.feed("svt", records, dates=dates)
    entries = ET.fromstring(feed.encode()).findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.findtext("{http://www.w3.org/2005/Atom}updated") for e in entries] == [
        "2027-01-15T10:30:00Z", "2026-09-10T08:00:00Z"]
