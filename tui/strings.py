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
RECORD = "Fiche"

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
RECORD_COUNT = ("Tout le commun : {count} enregistrement(s) (campagnes, thématiques, équipes, scénarios), "
                "dont {scenarios} scénario(s) ; ")
PROBLEMS_TOTAL = "{errors} erreur(s), {warnings} avertissement(s)"
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
SEARCH_RESULTS_CAPPED = "les {count} meilleurs résultats (précisez la recherche pour aller plus loin)"
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
FORM_NEW_HINT = "Nouvel enregistrement : remplissez les champs marqués *, puis Ctrl+S pour l'enregistrer."
FORM_SAVE_REFUSED = "Enregistrement impossible : {count} problème(s) à corriger. Premier : {field}."
FORM_PROBLEMS = "{count} problème(s) à corriger avant d'enregistrer."
FORM_UNSAVED = "modifié"
FORM_LIST_HINT = "Une valeur par ligne."
FORM_COMPLEX_HINT = "Se modifie dans le TOML : touche « e »."
FORM_NONE = "(aucun)"
FORM_CHOSEN = "Choix"
FORM_YES = "oui"
FORM_NO = "non"
FORM_ADD = "Ajouter"
FORM_REMOVE = "Retirer"
FORM_MOVE_UP = "Monter"
FORM_MOVE_DOWN = "Descendre"
FORM_ITEM = "n° {number}"
FORM_NO_ITEM = "Liste vide : « Ajouter » crée un élément."
SAVED = "Enregistré : commit {commit}."
NOTHING_TO_SAVE = "Aucune modification à enregistrer."
EDITOR_INVALID = "Le TOML modifié contient {count} problème(s) ; le formulaire les montre. Rien n'est enregistré."
EDITOR_INVALID_TITLE = "TOML invalide"
EDITOR_REOPEN = ("Le TOML modifié contient {count} problème(s) : rien n'est enregistré, mais votre texte est conservé "
                 "dans :\n{path}\n\nRouvrir l'éditeur pour le corriger ?")
EDITOR_REOPEN_YES = "Rouvrir l'éditeur"
EDITOR_REOPEN_NO = "Plus tard (F4)"
EDITOR_KEPT = "Votre texte modifié est conservé dans : {path} (F4 pour le rouvrir)."
EDITOR_IN_MEMORY = "la mémoire de ce formulaire seulement"
EDITOR_NOT_KEPT = "Impossible d'écrire le fichier de récupération : {error}"
EDITOR_PENDING = "Le TOML modifié dans l'éditeur n'est pas valide : F4 pour le corriger (rien n'est enregistré)."
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

# --- review, contributions, sync, export (issues 5, 6, 7) ---------------------------------
REVIEW = "Revue"
CONTRIBUTION = "Contribution"
SYNC = "Synchronisation"
KEY_REVIEW = "Revue"
KEY_CONTRIBUTION = "Ma contribution"
KEY_CONTRIB_START = "Nouvelle contribution"
KEY_SUBMIT = "Soumettre"
KEY_SYNC = "Synchroniser"
KEY_EXPORT = "Exporter"
KEY_APPROVE = "Valider"
KEY_REQUEST_CHANGES = "Demander des modifications"
KEY_REFUSE = "Refuser"
KEY_FETCH = "Actualiser"
KEY_ABORT_MERGE = "Annuler la fusion"
WORKFLOW_PALETTE = {
    "review": ("Revue des contributions", "Contributions en attente : différences, règles, Valider / Refuser"),
    "contribution": ("Ma contribution", "État de la contribution en cours et notes des relecteurs"),
    "contrib_start": ("Nouvelle contribution", "Créer une branche contrib/<académie>/<nom> pour proposer des fiches"),
    "submit": ("Soumettre la contribution", "Pousser la branche (et ouvrir une demande de fusion sur une forge)"),
    "sync": ("Synchroniser avec l'amont", "Récupérer le dépôt distant et fusionner champ par champ"),
    "export": ("Exporter", "Édubase (CSV), JSON, site statique, synthèse Markdown, flux Atom"),
}

REVIEW_EMPTY = "Aucune contribution en attente dans votre périmètre."
REVIEW_LOADING = "Lecture de la file de revue…"
REVIEW_COUNT = "{count} contribution(s) en attente"
REVIEW_AS = "Relecteur"
REVIEW_UNKNOWN_REVIEWER = ("Aucune clé de relecteur reconnue (traam reviewer setup) : toutes les contributions "
                           "sont listées ; valider demandera une clé.")
REVIEW_OFFLINE = "Dépôt distant « {remote} » injoignable : file locale. « f » pour réessayer."
REVIEW_FETCHING = "File locale ; récupération du dépôt distant… (Échap pour l'annuler)"
REVIEW_FETCH_TIMEOUT = ("Dépôt distant « {remote} » injoignable (pas de réponse en {seconds} s) : file locale. "
                        "« f » pour réessayer.")
REVIEW_FETCH_CANCELLED = "Récupération de « {remote} » annulée : file locale. « f » pour réessayer."
REVIEW_NO_REMOTE = "Aucun dépôt distant : file locale."
KEY_CANCEL_FETCH = "Annuler la récupération"
REVIEW_PROPOSED_BY = "Proposée par"
REVIEW_ON = "le"
REVIEW_TARGET = "Cible"
REVIEW_UPDATED = "Dernière modification"
REVIEW_CHANGES = "Différences avec la cible, champ par champ"
REVIEW_NO_CHANGES = "Aucun enregistrement modifié."
REVIEW_CONFLICTS = "Conflits : champs modifiés des deux côtés (à choisir en validant)"
REVIEW_PREVIEW = "(aperçu en gardant la contribution sur les conflits)"
REVIEW_RULES = "Règles sur le résultat de la fusion"
REVIEW_RULES_OK = "Aucun problème."
REVIEW_REFUSED_PATHS = "Fichiers refusés"
REVIEW_NOTE = "Note de relecture"
REVIEW_CHOOSE = "Choisissez une contribution dans la liste."
REVIEW_OURS = "cible"
REVIEW_THEIRS = "contribution"
REVIEW_BASE = "base"
REVIEW_ABSENT = "(absent)"
APPROVE_TITLE = "Valider la contribution"
APPROVE_QUESTION = ("Valider « {name} » dans « {target} » ? La fusion est signée avec votre clé puis poussée. "
                    "Une validation ne se défait que par une nouvelle fusion.")
APPROVE_YES = "Valider et signer"
APPROVE_RUNNING = "Validation de {name} : fusion signée…"
APPROVED = "Validé : {name} fusionnée dans « {target} » (commit signé {commit})."
APPROVED_PUSHED = "Poussé sur le dépôt distant."
APPROVED_LOCAL = "Non poussé : pas de dépôt distant."
CONFLICT_TITLE = "Conflits de fusion : {count} champ(s)"
CONFLICT_HELP = ("Chaque champ a été modifié des deux côtés. Choisissez la valeur à garder : la cible "
                 "(branche validée) ou la contribution.")
CONFLICT_KEEP_OURS = "Garder la cible"
CONFLICT_KEEP_THEIRS = "Garder la contribution"
CONFLICT_APPLY = "Appliquer ces choix"
CONFLICT_WHOLE_FILE = "fichier entier (une version invalide)"
NOTE_CHANGES_TITLE = "Demander des modifications"
NOTE_REFUSE_TITLE = "Refuser la contribution"
NOTE_MESSAGE = "Message à l'auteur ou à l'autrice"
NOTE_RECORDS = "Commentaires par enregistrement (facultatifs)"
NOTE_SEND = "Envoyer"
NOTE_EMPTY = "Écrivez un message (ou au moins un commentaire)."
NOTE_DEFAULT = "Voir les commentaires par enregistrement."
NOTE_SENT_CHANGES = "Modifications demandées pour « {name} »."
NOTE_SENT_REFUSE = "Contribution « {name} » refusée."

CONTRIB_TITLE = "Nouvelle contribution"
CONTRIB_HELP = ("Une contribution est une branche contrib/<académie>/<nom> : vos fiches y sont créées et "
                "modifiées, puis soumises aux relecteurs de l'académie.")
CONTRIB_ACADEMIE = "Académie"
CONTRIB_SLUG = "Nom court (minuscules sans accent, chiffres, tirets)"
CONTRIB_SLUG_INVALID = "Nom invalide : minuscules sans accent, chiffres et tirets (64 caractères au plus)."
CONTRIB_CREATED = "Contribution « {branch} » créée : créez ou modifiez vos fiches, puis soumettez-la (p)."
SUBMIT_TITLE = "Soumettre la contribution"
SUBMIT_WHAT = "La branche « {branch} » sera poussée sur « {remote} » et proposée à « {target} »."
SUBMIT_NO_REMOTE = "Aucun dépôt distant : ajoutez-en un (git remote add origin URL) avant de soumettre."
SUBMIT_MR = "Ouvrir une demande de fusion (forge GitLab, options de poussée)"
SUBMIT_MR_TITLE = "Titre de la demande de fusion (facultatif)"
SUBMIT_MR_DESCRIPTION = "Description (facultative)"
SUBMITTED = "Contribution « {branch} » proposée sur « {remote} » pour « {target} »."
SUBMITTED_MR = "Demande de fusion ouverte (merge_request.create)."
NOT_A_CONTRIBUTION = ("Vous n'êtes pas sur une contribution (branche « {branch} ») : créez-en une avec "
                      "« Nouvelle contribution » (c).")
CONTRIBUTION_BRANCH = "Branche"
CONTRIBUTION_STATE = "État"
CONTRIBUTION_STATES = {
    "brouillon": "Brouillon : pas encore soumise (ou modifiée depuis)",
    "propose": "Proposée : en attente de relecture",
    "modifications": "Modifications demandées",
    "refus": "Refusée",
}
CONTRIBUTION_RECORDS = "Enregistrements de la contribution"
CONTRIBUTION_NO_RECORDS = "Aucun enregistrement modifié pour l'instant."
CONTRIBUTION_REVIEWS = "Notes des relecteurs"
CONTRIBUTION_NO_REVIEWS = "Aucune note de relecture."
CONTRIBUTION_COMMENT = "Commentaire"

SYNC_TITLE = "Synchronisation avec l'amont"
SYNC_HELP = ("Récupère le dépôt distant (« upstream » s'il existe, sinon « origin ») et fusionne sa branche dans "
             "la branche courante, enregistrement par enregistrement. Entrée ou « s » pour lancer.")
SYNC_FETCHING = "Récupération et fusion de l'amont…"
SYNC_RELOADING = "Relecture du commun…"
SYNC_UP_TO_DATE = "Déjà à jour avec {source}."
SYNC_DONE = "Synchronisé avec {source} : {before} → {after}."
SYNC_CONFLICTS = "Conflits en fusionnant {source} : {count} fichier(s). La fusion reste en cours."
SYNC_CONFLICTS_HELP = ("Chaque fiche en conflit garde votre valeur en attendant. Choisissez champ par champ votre "
                       "valeur ou celle de l'amont (r), ou annulez la fusion (a). Hors de traam : corrigez les "
                       "fichiers (commentaires « CONFLIT traam »), puis « git add » et « git commit ».")
KEY_RESOLVE = "Résoudre champ par champ"
SYNC_KEEP_OURS = "Garder votre version"
SYNC_KEEP_THEIRS = "Garder l'amont"
SYNC_CONFLICT_HELP = "Chaque champ a été modifié ici et en amont. Choisissez la valeur à garder."
SYNC_RESOLVED = "Conflits résolus : fusion enregistrée (commit {commit})."
SYNC_MANUAL = "À résoudre à la main (puis git add et git commit) : {paths}"
SYNC_ABORTED = "Fusion annulée : la branche est revenue à son état d'avant."
SYNC_RUN = "Lancer"
SYNC_READING = "Lecture des dépôts distants…"
SYNC_FOLLOWS = "Suit : "
SYNC_INTO = "branche « {branch} »"
SYNC_NO_REMOTE = "Aucun dépôt distant : pour suivre le commun, dans son dossier : {command}"
SYNC_NO_UPSTREAM = ("Pas de dépôt « upstream » : traam suit « {remote} ». Si c'est votre fork, pour suivre le commun "
                    "d'origine, dans le dossier du commun : {command}")
UPSTREAM_URL_PLACEHOLDER = "ADRESSE_DU_COMMUN_D_ORIGINE"
SYNC_PENDING = "Une fusion de {source} est déjà en cours (commencée par traam sync) : « r » la reprend, « a » l'annule."
SYNC_PENDING_CLEAN = "Plus aucun conflit : « r » enregistre la fusion, « a » l'annule."
SYNC_FINISH_FIRST = "Une fusion est en cours : reprenez-la (r) ou annulez-la (a) avant de synchroniser à nouveau."
UNSAVED_FIRST = "Enregistrez ou quittez d'abord le formulaire en cours : cette action change les fichiers."

EXPORT_TITLE = "Exporter le commun"
EXPORT_FORMAT = "Format"
EXPORT_OUTPUT = "Fichier ou dossier de sortie"
EXPORT_STATE = "États exportés (équipes et scénarios)"
EXPORT_CAMPAIGN = "Campagne"
EXPORT_ALL_CAMPAIGNS = "Toutes les campagnes"
EXPORT_STATE_CHOICES = {"valide": "Validés (académique ou national)", "tous": "Tous"}
EXPORT_RUN = "Exporter"
EXPORT_RUNNING = "Export en cours…"
EXPORT_NO_OUTPUT = "Indiquez le fichier ou le dossier de sortie."
EXPORT_DONE = "Export {format} : {files} fichier(s) écrit(s) dans {where} ({records} enregistrement(s))."
EXPORT_DEFAULTS = {"edubase-csv": "traam-export/edubase.csv", "json": "traam-export/commun.json",
                   "xlsx": "traam-export/scenarios.xlsx",
                   "jsonl": "traam-export/commun.jsonl", "json-schema": "traam-export/commun.schema.json",
                   "site": "traam-export/site", "markdown": "traam-export/synthese.md", "atom": "traam-export/atom"}
"""Default outputs, relative to the folder traam was started from."""

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

# --- issue 13 (keys, focus, palette, problems, forms, search): ux-a's strings -------------------
SEARCH_FORM_OPEN = "Un formulaire modifié est ouvert dans la recherche : enregistrez-le ou quittez-le d'abord."
KEY_LEAVE_FIELD = "Quitter le champ"
CANCELLED = "Annulé"
COLUMN_TITLE = "Titre"
COLUMN_KIND = "Type"
COLUMN_ACADEMIE = "Académie"
COLUMN_STATE = "État"
KEYMAP_PROBLEM = "Fichier de touches"
PREFERENCES_NOT_SAVED = "Le thème n'a pas pu être enregistré pour le prochain lancement."
KEY_NAMES = {"escape": "Échap", "pageup": "PgPréc", "pagedown": "PgSuiv", "enter": "Entrée", "home": "Début",
             "end": "Fin", "delete": "Suppr", "backspace": "RetArr", "space": "Espace", "tab": "Tab",
             "insert": "Inser", "up": "↑", "down": "↓", "left": "←", "right": "→"}
"""French names of keys, for the footer and the help (Textual names them in English)."""
PALETTE_PLACEHOLDER = "Chercher une commande… (les accents ne comptent pas)"
PALETTE_THEMES = "Chercher un thème de couleurs…"
PALETTE_CLOSE = "Fermer la palette"
PALETTE_NEXT = "Commande suivante"
PALETTE_PREVIOUS = "Commande précédente"
PALETTE_FIRST = "Première commande"
PALETTE_LAST = "Dernière commande"
PALETTE_KEY = "Touche : {key}"
CHART_SCOPE = "{title} — campagne {campaign}"


# --- branches, identity and saving guards (issue 13, items 6-8; ux-b) --------------------------------
IDENTITY_TITLE = "Qui êtes-vous ?"
IDENTITY_HELP = ("Chaque enregistrement est signé de votre nom et de votre adresse électronique dans l'historique "
                 "du commun. Ils sont enregistrés dans la configuration de ce commun seulement.")
IDENTITY_NAME = "Nom et prénom"
IDENTITY_EMAIL = "Adresse électronique"
IDENTITY_SAVE = "Enregistrer"
IDENTITY_NAME_MISSING = "Indiquez votre nom."
IDENTITY_EMAIL_INVALID = "Adresse électronique invalide (exemple : camille.martin@ac-lille.fr)."
IDENTITY_SET = "Identité enregistrée pour ce commun : {name} <{email}>."
SAVE_ON_VALIDATION_TITLE = "Enregistrer dans une contribution"
SAVE_ON_VALIDATION_HELP = ("Vous êtes sur « {branch} », une branche de validation : elle n'avance que par des fusions "
                           "signées des relecteurs. Votre fiche sera enregistrée dans une nouvelle contribution "
                           "contrib/<académie>/<nom>, que vous pourrez ensuite proposer (p).")
SAVE_ON_VALIDATION_OK = "Créer et enregistrer"
SAVE_CANCELLED = "Enregistrement annulé : rien n'a été écrit."
BRANCH_DETACHED = "HEAD détachée"
BRANCH_AHEAD_BEHIND = "↑{ahead} ↓{behind} {upstream}"
BRANCH_NO_UPSTREAM = "non suivie"
BRANCH_CHANGED = "Branche courante : « {branch} » (changée hors de traam) : le commun est relu."
BRANCHES = "Branches"
KEY_BRANCHES = "Branches"
BRANCHES_HELP = "Entrée : passer sur la branche choisie · Échap : revenir"
BRANCHES_KINDS = {"contribution": "Mes contributions", "main": "Validation nationale",
                  "academie": "Validations académiques"}
BRANCHES_CURRENT = "(courante)"
BRANCHES_REMOTE = "(distante : {ref})"
BRANCHES_NONE = "Aucune branche."
BRANCH_SWITCHED = "Vous êtes sur « {branch} »."
BRANCHES_PALETTE = "Passer sur une autre branche : mes contributions, main, les branches académiques (b)"

# --- problems (issue 13, item 12) -----------------------------------------------------
PROBLEMS = "Problèmes"
KEY_PROBLEMS = "Problèmes"
PROBLEMS_PALETTE = "Tous les problèmes du commun, comme traam validate les trouve ; Entrée ouvre l'enregistrement"
PROBLEMS_CHECKING = "Vérification du commun en cours (comme traam validate)…"
PROBLEMS_NONE = "Aucun problème : traam validate accepte ce commun."
PROBLEMS_COUNT = "{errors} erreur(s), {warnings} avertissement(s) — Entrée ouvre l'enregistrement."
PROBLEM_RULE = "règle {rule}"
PROBLEM_ERROR = "erreur"
PROBLEM_WARNING = "avertissement"
PROBLEMS_PENDING = "vérification…"
PROBLEMS_SEE = "voir (6)"
INVALID_MARK = "✗ "
"""Prefix of an invalid record's title in lists: readable without colour."""
FORM_RULES = ("Règles du cahier des charges (traam validate) : {errors} erreur(s), {warnings} avertissement(s) ; "
              "l'enregistrement reste possible :")
PROBLEMS_NO_RECORD = "Ce problème ne désigne aucun enregistrement lisible (fichier du commun)."
RECORD_RULE_ERRORS = "traam validate refuse cet enregistrement : {count} erreur(s) des règles du cahier des charges"
RECORD_RULE_WARNINGS = "Avertissements de traam validate : {count}"
REVIEW_NEEDS_NATIONAL = "⚠ Validation nationale requise"
REVIEW_NATIONAL_MARK = "⚠ validation nationale requise"
HISTORY_VALIDATIONS = "Validations (fusions signées vérifiées)"
HISTORY_NO_VALIDATION = "Aucune validation signée de cet enregistrement."
HISTORY_NATIONAL = "validé national"
HISTORY_ACADEMIC = "validé académique"
HISTORY_INTO = "dans"

# --- network transfers (clone, fetch, push) --------------------------------------
TRANSFER_PHASES = {
    "Enumerating objects": "Inventaire des objets",
    "Counting objects": "Décompte des objets",
    "Compressing objects": "Compression des objets",
    "Writing objects": "Envoi des objets",
    "Receiving objects": "Réception des objets",
    "Resolving deltas": "Résolution des deltas",
    "Updating files": "Mise à jour des fichiers",
    "Checking out files": "Extraction des fichiers",
}
"""git's progress phases (``LC_ALL=C``) in French; an unknown phase is shown as git names it."""


def transfer_line(step) -> str:
    """Return the French line of a transfer step (:class:`store.git.network.Transfer`): « Réception des objets : 45 % (450/1000) »."""
    phase = TRANSFER_PHASES.get(step.phase, step.phase)
    side = "distant — " if step.remote else ""
    if step.total:
        return f"{side}{phase} : {100 * step.done // step.total} % ({step.done}/{step.total})"
    return f"{side}{phase} : {step.done}"
