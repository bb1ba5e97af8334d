"""Provides the rules on where a scenario is published: an open space without authentication, then Édubase.

The cahier des charges asks for scenarios « publiés sur des espaces
académiques ouverts sans authentification » so that Édubase can index them.
A rule cannot fetch the page (rules never touch the network), so
:func:`closed_space` says what the address alone shows. It refuses:

- an address that carries an identifier or a password (``https://nom:mdp@…``);
- a host of a platform known to ask for an account (:data:`CLOSED_HOSTS`:
  ENT, Pronote, Éléa, M@gistère, the apps.education.fr portal …), the host
  itself or any subdomain of it;
- a host whose name has a part that says it is closed (:data:`CLOSED_LABELS`:
  ``ent.``, ``intranet.``, ``extranet.``, ``arena.``, ``cas.``, ``sso.`` …);
- a path with a login step (:data:`LOGIN_PARTS`: ``/login``, ``/connexion``,
  ``/cas``, ``/wp-admin``, ``/arena`` …).

The « https » rule stays :func:`records.rules._scenario_publication`.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from records.rules import Corpus, Finding, rule

CLOSED_HOSTS: dict[str, str] = {
    "monlycee.net": "l'ENT monlycee.net",
    "mon-ent-occitanie.fr": "l'ENT d'Occitanie",
    "l-educdenormandie.fr": "l'ENT de Normandie",
    "toutatice.fr": "l'ENT Toutatice",
    "skolengo.com": "un ENT Skolengo",
    "itslearning.com": "la plateforme itslearning",
    "index-education.net": "Pronote",
    "ecoledirecte.com": "École directe",
    "elea.apps.education.fr": "Éléa (espace de cours avec compte)",
    "portail.apps.education.fr": "le portail apps.education.fr",
    "magistere.education.fr": "M@gistère",
    "classroom.google.com": "Google Classroom",
    "teams.microsoft.com": "Microsoft Teams",
    "sharepoint.com": "SharePoint",
}
"""Platforms known to ask for an account, by host (subdomains included)."""

CLOSED_LABELS = frozenset({"ent", "intranet", "extranet", "arena", "cas", "sso", "login", "auth", "webmail",
                           "messagerie", "pronote"})
"""Host name parts that say the space is closed (``ent.ac-lyon.fr``, ``intranet.ac-paris.fr``)."""

LOGIN_PARTS = frozenset({"login", "login.php", "login.aspx", "connexion", "signin", "sign-in", "sso", "cas",
                         "auth", "oauth", "oauth2", "saml", "shibboleth", "wp-login.php", "wp-admin", "arena",
                         "intranet", "extranet"})
"""Path parts of a login step or of a closed area (``/cas/login``, ``/wp-admin/``)."""


def closed_space(url: str) -> str | None:
    """Return why ``url`` leads to a space that asks for authentication (French), or None when nothing says so."""
    parts = urlsplit(url)
    try:
        credentials = parts.username is not None or parts.password is not None
    except ValueError:
        credentials = True
    if credentials:
        return "l'adresse contient un identifiant ou un mot de passe"
    host = (parts.hostname or "").lower().rstrip(".")
    for domain, platform in CLOSED_HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return f"l'adresse mène à {platform}, qui demande un compte"
    closed = next((label for label in host.split(".")[:-1] if label in CLOSED_LABELS), None)
    if closed is not None:
        return f"l'hôte « {host} » est un espace fermé ({closed})"
    step = next((p for p in parts.path.lower().split("/") if p in LOGIN_PARTS), None)
    if step is not None:
        return f"l'adresse passe par une page de connexion ou un espace fermé (« /{step} »)"
    return None


@rule("scenario-publication-ouverte", "warning",
      "Un scénario est publié sur un espace académique ouvert, sans authentification (ni ENT, ni intranet, "
      "ni page de connexion).", about="scenario")
def _scenario_open(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        why = closed_space(scenario.publication_url) if scenario.publication_url else None
        if why is not None:
            yield rid, "publication_url", (f"{why} : publier le scénario sur un espace académique ouvert, sans "
                                           "authentification, pour qu'Édubase puisse l'indexer")


@rule("scenario-edubase", "warning", "Une fois la campagne terminée, un scénario publié est indexé dans Édubase.",
      about="scenario", reads="campaign")
def _scenario_edubase(corpus: Corpus) -> Iterator[Finding]:
    for rid, scenario in corpus.scenarios.items():
        if scenario.edubase_url or not scenario.publication_url:
            continue
        campaign = corpus.campaigns.get(f"campaigns/{scenario.campaign}")
        if campaign is not None and campaign.work_ends < corpus.today:
            yield rid, "edubase_url", (f"la campagne {scenario.campaign} est terminée (fin des travaux le "
                                       f"{campaign.work_ends}) : indexer le scénario publié dans Édubase "
                                       "(edubase_url)")
