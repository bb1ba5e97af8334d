"""Provides every French string the application shows, in one place to review and translate.

Strings here are ours, never data: they may be used as labels next to record
text, but record text is always passed separately (see :mod:`tui.safe`).
"""

from __future__ import annotations

APP_TITLE = "traam"
APP_SUBTITLE = "Le commun des TraAM"

# --- screens -------------------------------------------------------------------
DASHBOARD = "Tableau de bord"
EXPLORER = "Explorateur"
SEARCH = "Recherche"
EDIT = "Édition"
HISTORY = "Historique"
HELP = "Aide"
LOADING = "Chargement"

# --- bindings (descriptions shown in the footer, the help screen and the palette) ---
KEY_DASHBOARD = "Tableau de bord"
KEY_EXPLORER = "Explorateur"
KEY_SEARCH = "Rechercher"
KEY_HELP = "Aide"
KEY_QUIT = "Quitter"
KEY_RELOAD = "Recharger"
KEY_OPEN = "Ouvrir"
KEY_EDIT = "Éditer"
KEY_HISTORY = "Historique"
KEY_NEW = "Nouveau"
KEY_SAVE = "Enregistrer"
KEY_EDITOR = "Éditer le TOML ($EDITOR)"
KEY_BACK = "Retour"
KEY_LINK = "Ouvrir le lien (https)"
KEY_FACETS = "Filtres"
KEY_FOCUS_LIST = "Aller à la liste"
KEY_FOCUS_TREE = "Aller à l'arborescence"
KEY_PALETTE = "Commandes"
KEY_NEXT_PAGE = "Page suivante"
KEY_PREV_PAGE = "Page précédente"

# --- palette (title, help) ---------------------------------------------------------
PALETTE = {
    "dashboard": ("Tableau de bord", "Voir la campagne en cours, son calendrier et les comptes"),
    "explorer": ("Explorateur", "Parcourir campagnes, disciplines, équipes et scénarios"),
    "search": ("Rechercher", "Recherche floue avec filtres (discipline:, academie:, etat: …)"),
    "help": ("Aide", "Lister toutes les touches"),
    "reload": ("Recharger le commun", "Relire les enregistrements depuis git et le disque"),
    "new": ("Nouvel enregistrement", "Créer un scénario, une équipe, une thématique ou une campagne"),
    "quit": ("Quitter", "Fermer traam"),
    "theme": ("Thème de couleurs", "Changer les couleurs de l'application"),
    "edit": ("Éditer l'enregistrement", "Ouvrir le formulaire de l'enregistrement affiché"),
    "history": ("Historique de l'enregistrement", "Voir qui a changé quoi, et quand"),
}

# --- dashboard ---------------------------------------------------------------------
NO_CAMPAIGN = "Aucune campagne dans ce commun."
CURRENT_CAMPAIGN = "Campagne en cours"
CALENDAR = "Calendrier"
CALENDAR_STEPS = (
    ("call_opens", "Appel à projets"),
    ("proposals_due", "Propositions des académies"),
    ("selection", "Sélection nationale"),
    ("work_starts", "Début des travaux"),
    ("work_ends", "Fin des travaux"),
)
TODAY = "aujourd'hui"
DONE = "passé"
NEXT = "à venir"
BY_DISCIPLINE = "Scénarios par discipline"
BY_ACADEMIE = "Scénarios par académie"
BY_STATE = "Scénarios par état de validation"
RECENT = "Dernières modifications"
NO_RECENT = "Aucune modification."
NO_DATA = "Aucun scénario."
SHORTCUTS = "Raccourcis"
STATE_UNKNOWN = "—"
RECORD_COUNT = "{count} enregistrement(s), {scenarios} scénario(s), {problems} problème(s)"
IN_DAYS = "dans {days} j"
DAYS_AGO = "il y a {days} j"

# --- explorer / lists --------------------------------------------------------------
TREE_ROOT = "Commun"
TREE_THEMES = "Thématiques"
TREE_TEAMS = "Équipes"
ALL_RECORDS = "Tous les enregistrements"
LIST_EMPTY = "Aucun enregistrement."
LIST_COUNT = "{count} enregistrement(s)"
NO_SELECTION = "Choisissez un enregistrement dans la liste."
INVALID_RECORD = "Enregistrement invalide : corrigez-le avec « e » ($EDITOR)."
LINK_REFUSED = "Seuls les liens https:// s'ouvrent."
NO_LINK = "Cet enregistrement n'a pas de lien de publication."
OPENING_LINK = "Ouverture du lien dans le navigateur…"

# --- search --------------------------------------------------------------------------
SEARCH_PLACEHOLDER = "Rechercher… (ex. biodiversité discipline:svt academie:lille)"
SEARCH_HINT = "Tapez pour chercher ; Entrée ouvre ; Tab passe aux résultats ; F2 ajoute un filtre."
SEARCH_RESULTS = "{count} résultat(s)"
FACET_PICK = "Ajouter un filtre"
FACET_KIND = "Filtre"
FACET_VALUE = "Valeur"
FACET_ADD = "Ajouter"
FACET_NAMES = {
    "discipline": "Discipline",
    "academie": "Académie",
    "campagne": "Campagne",
    "niveau": "Niveau",
    "type": "Type d'enregistrement",
    "etat": "État de validation",
    "outil": "Type d'outil",
    "crcn": "Compétence CRCN",
}

# --- edit ----------------------------------------------------------------------------
EDIT_TITLE = "Édition de {id}"
NEW_TITLE = "Nouvel enregistrement : {kind}"
FORM_OK = "Aucun problème."
FORM_PROBLEMS = "{count} problème(s) à corriger avant d'enregistrer."
FORM_UNSAVED = "modifié"
FORM_LIST_HINT = "Une valeur par ligne."
FORM_COMPLEX_HINT = "Se modifie dans le TOML : touche « e »."
FORM_NONE = "(aucun)"
FORM_YES = "oui"
FORM_NO = "non"
SAVED = "Enregistré : commit {commit}."
NOTHING_TO_SAVE = "Aucune modification à enregistrer."
EDITOR_INVALID = "Le TOML modifié contient {count} problème(s) ; le formulaire les montre. Rien n'est enregistré."
EDITOR_FAILED = "Impossible de lancer l'éditeur « {editor} »."
EDITOR_UNCHANGED = "TOML inchangé."
EDITOR_LOADED = "TOML relu : vérifiez puis enregistrez (Ctrl+S)."
MESSAGE_MODIFY = "Modifier {id}"
MESSAGE_CREATE = "Créer {id}"
ID_FIELD = "Identifiant (chemin)"
NEW_KIND = "Type d'enregistrement à créer"

# --- dialogs -------------------------------------------------------------------------
CONFIRM_LEAVE_TITLE = "Modifications non enregistrées"
CONFIRM_LEAVE = "Quitter le formulaire sans enregistrer ? Les modifications seront perdues."
CONFIRM_YES = "Quitter sans enregistrer"
CONFIRM_NO = "Rester"
COMMIT_TITLE = "Message du commit"
COMMIT_HELP = "Décrivez la modification en une ligne (Entrée pour enregistrer, Échap pour annuler)."
COMMIT_OK = "Enregistrer"
CANCEL = "Annuler"
OK = "OK"
ERROR_TITLE = "Erreur"
ERROR_UNEXPECTED = "Une erreur inattendue s'est produite : {kind}. Rien n'a été perdu ; réessayez."
CONFLICT = ("L'enregistrement a changé depuis son ouverture (modifié ailleurs). Rien n'a été écrit : "
            "rechargez (Ctrl+R) puis refaites la modification.")
NEW_TITLE_DIALOG = "Créer un enregistrement"
CREATE = "Créer"

# --- history ---------------------------------------------------------------------------
HISTORY_TITLE = "Historique de {id}"
HISTORY_EMPTY = "Aucun commit ne touche cet enregistrement."
CHANGE_KINDS = {
    "added": "ajouté",
    "removed": "supprimé",
    "changed": "modifié",
    "item-added": "élément ajouté",
    "item-removed": "élément retiré",
}
BY = "par"

# --- help -------------------------------------------------------------------------------
HELP_TITLE = "Aide : toutes les touches"
HELP_INTRO = ("traam se pilote au clavier (la souris marche aussi). Ctrl+P ouvre la palette de commandes, "
              "qui propose toutes les actions. Les touches se remappent par leur identifiant dans "
              "~/.config/traam/touches.toml, section [touches].")
HELP_COLUMNS = ("Touche", "Action", "Identifiant", "Écran")
HELP_GLOBAL = "partout"

# --- loading ------------------------------------------------------------------------------
LOADING_COMMONS = "Lecture du commun…"
LOADING_PROGRESS = "{done} / {total} enregistrements lus"
RELOADED = "Commun rechargé : {count} enregistrement(s)."

# --- field labels: records.present holds the labels of the record fields (shared with the CLI) ---
EXTRA_LABELS = {
    "state": "État de validation",
    "id": "Identifiant",
}
FIELDS = EXTRA_LABELS  # labels the detail pane adds to the record's own fields


def field_label(key: str) -> str:
    """Return the French label of a dotted field key (``pilot.name`` → ``Pilote › Nom``)."""
    from records.present import field_label as label_of

    parts = [p for p in key.split(".") if not p.isdigit()]
    return " › ".join(EXTRA_LABELS.get(p) or label_of(p) for p in parts) or key
