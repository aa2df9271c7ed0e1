"""French sentences and answers of Tomatoes' voice control."""

from __future__ import annotations

from .const import (
    INTENT_ADD_TIME,
    INTENT_PAUSE,
    INTENT_RESUME,
    INTENT_SKIP,
    INTENT_START_BREAK,
    INTENT_START_FOCUS,
    INTENT_STOP,
    INTENT_TASK,
    INTENT_TIME_LEFT,
    INTENT_TODAY,
)
from .language import Language

_DEEP = {"preset": "deep_focus"}
_CLASSIC = {"preset": "classic"}
_SPRINT = {"preset": "sprint"}
_LONG = {"long": True}
_SHORT = {"long": False}
_BREAK = {"phase": "break"}
_FOCUS = {"phase": "focus"}

LANGUAGE = Language(
    code="fr",
    macros={
        "the": "[la|le|ma|mon|cette|ce]",
        "a": "[une|un|la|le|ma|mon]",
        "start": "(démarre|lance|commence|démarrer|lancer|commencer)",
        "session": "(session de concentration|séance de concentration|session de focus|"
        "bloc de concentration|concentration|pomodoro)",
        "timer": "(minuteur [du|de|de la] <names>|<names>)",
        "ref": "(minuteur de concentration|minuteur pomodoro|session de concentration|"
        "séance de concentration|bloc de concentration|concentration|pomodoro|<timer>)",
        "any": "(<ref>|[petite|courte|longue|grande] pause)",
        "on": "[(sur|avec|pour) [le|la] <timer>]",
        "min": "minute[s]",
        "focus": "((session|séance|bloc) de concentration|pomodoro)",
        "remains": "(reste-t-il|il reste|me reste-t-il|reste)",
        "done": "(fait|faits|faites|terminé|terminés|terminées)",
        "concentrated": "(de concentration|me suis-je concentré|je me suis concentré)",
        "work": "([est-ce que] je travaille|(suis-je|je suis) en train de travailler)",
        "do": "(prends|prendre|fais|faire|lance|démarre|lancer|démarrer)",
        "many": "(pomodoros|sessions de concentration|séances de concentration|"
        "blocs de concentration)",
    },
    sentences={
        INTENT_START_FOCUS: (
            ("<start> [la|une] concentration profonde <on>", _DEEP),
            ("<start> [le|un] mode (concentration profonde|deep focus) <on>", _DEEP),
            ("<start> [un|le] pomodoro classique <on>", _CLASSIC),
            ("<start> [un|le] (pomodoro sprint|sprint de concentration) <on>", _SPRINT),
            "<start> <a> <session> de {minutes} <min> (sur|pour) {task}",
            "<start> <a> <session> de {minutes} <min> <on>",
            "<start> <a> <session> (sur|avec|pour) [le|la] <timer>",
            "<start> <a> <session> (sur|pour) {task}",
            "<start> <a> <session>",
            "<start> {minutes} <min> de (concentration|focus) <on>",
            "(je me concentre|concentration) sur {task} pendant {minutes} <min>",
            "je (veux|dois) me concentrer [pendant {minutes} <min>]",
        ),
        INTENT_START_BREAK: (
            ("<do> une (longue|grande) pause <on>", _LONG),
            "<do> une pause de {minutes} <min> <on>",
            ("<do> une (petite|courte) pause <on>", _SHORT),
            "<do> une pause <on>",
            "je (prends|fais) une [petite] pause",
            "c'est l'heure de la pause",
            "j'ai besoin d'une [petite] pause",
        ),
        INTENT_PAUSE: (
            "(mets|mettre) <the> <ref> en pause",
            "(suspends|suspendre) <the> <ref>",
        ),
        INTENT_RESUME: ("(reprends|relance|continue|reprendre|relancer|continuer) <the> <any>",),
        INTENT_STOP: (
            "(arrête|stoppe|termine|annule|arrêter|stopper|terminer|annuler) <the> <ref>",
            "arrête de me concentrer",
        ),
        INTENT_SKIP: (
            ("(saute|passe|sauter|passer) <the> [petite|courte|longue] pause <on>", _BREAK),
            ("(termine|finis) <the> pause plus tôt <on>", _BREAK),
            (
                "(saute|passe|sauter|passer) <the> <focus> <on>",
                _FOCUS,
            ),
        ),
        INTENT_ADD_TIME: (
            "(ajoute|rajoute) {minutes} [autres] <min> (à la|au|à ma|à mon|à cette|à ce|à) <any>",
            "(ajoute|rajoute) {minutes} <min> de concentration <on>",
            "prolonge <the> <any> de {minutes} <min>",
        ),
        INTENT_TIME_LEFT: (
            "combien de temps <remains> (sur|dans|pour|à) <the> <any>",
            "il reste combien de temps (sur|dans|pour|à) <the> <any>",
            "combien de temps de (concentration|pause) (reste-t-il|il reste|me reste-t-il) <on>",
            "combien de temps (avant|jusqu'à) [la|ma] [prochaine] [petite|longue] pause",
            "dans combien de temps (commence|arrive) [la|ma] [prochaine] [petite|longue] pause",
            "combien de temps avant la fin (de la|du|de ma|de mon|de cette|de ce) <ref>",
            "temps restant (de la|du|sur le|sur la|pour la|pour le) <any>",
        ),
        INTENT_TODAY: (
            "combien de <many> (ai-je|j'ai) <done> aujourd'hui <on>",
            "combien de <many> aujourd'hui <on>",
            "combien de temps <concentrated> aujourd'hui <on>",
        ),
        INTENT_TASK: (
            "sur quoi <work> [en ce moment] <on>",
            "quelle est ma tâche [en cours|actuelle] <on>",
        ),
    },
    answers={
        "focus_started": "Concentration lancée pour {left}.",
        "focus_started_task": "Concentration sur {task} lancée pour {left}.",
        "short_break_started": "Petite pause de {left}.",
        "long_break_started": "Longue pause de {left}.",
        "paused": "En pause, il reste {left}.",
        "resumed": "C'est reparti, il reste {left}.",
        "stopped": "Le minuteur de concentration est arrêté.",
        "skipped": "Passé. {next}",
        "extended": "{added} de plus, il reste {left}.",
        "left_focus": "Il reste {left} dans votre bloc de concentration.",
        "left_short_break": "Il reste {left} de pause.",
        "left_long_break": "Il reste {left} de longue pause.",
        "ready_focus": "Votre prochain bloc de concentration est prêt à démarrer.",
        "ready_short_break": "Votre pause est prête à démarrer.",
        "ready_long_break": "Votre longue pause est prête à démarrer.",
        "idle": "Rien n'est en cours.",
        "nothing_paused": "Rien n'est en pause.",
        "not_on_break": "Vous n'êtes pas en pause.",
        "not_in_focus": "Vous n'êtes pas dans un bloc de concentration.",
        "today": "{blocks} aujourd'hui, soit {minutes} de concentration.",
        "task": "Vous travaillez sur {task}.",
        "no_task": "Aucune tâche n'est définie.",
        "which": "Quel minuteur : {names} ?",
        "no_timers": "Aucun minuteur Tomatoes n'est configuré.",
        "unknown_timer": "Aucun minuteur Tomatoes ne s'appelle {name}.",
        "bad_minutes": "Indiquez un nombre de minutes entre 1 et {max}.",
        "failed": "Désolé, cela n'a pas fonctionné.",
    },
    minute=("minute", "minutes"),
    block=("bloc de concentration", "blocs de concentration"),
    less_than_a_minute="moins d'une minute",
    or_word="ou",
    singular_zero=True,
)
