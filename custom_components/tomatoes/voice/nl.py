"""Dutch sentences and answers of Tomatoes' voice control."""

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
    code="nl",
    macros={
        "the": "[de|het|mijn|deze|dit]",
        "a": "[een|de|het|mijn]",
        "start": "(start|begin|starten|beginnen)",
        "session": "(focussessie|focusblok|focustijd|focusperiode|concentratiesessie|pomodoro)",
        "ref": "(focustimer|focus timer|pomodorotimer|pomodoro timer|focussessie|focusblok|"
        "focustijd|focusperiode|concentratiesessie|pomodoro|<names> [timer])",
        "any": "(<ref>|[korte|lange] pauze)",
        "on": "[(op|met|voor|bij) [de|het] <names> [timer]]",
        "min": "(minuut|minuten)",
        "take": "(neem|start|begin|houd|hou)",
        "many": "(focusblokken|pomodoro's|pomodoros|focussessies)",
    },
    sentences={
        INTENT_START_FOCUS: (
            ("<start> [de|een] diepe focus [sessie|modus] <on>", _DEEP),
            ("<start> [de|een] deep focus [sessie|modus] <on>", _DEEP),
            ("<start> [een|de] klassieke pomodoro <on>", _CLASSIC),
            ("<start> [een|de] (sprint pomodoro|sprint focussessie) <on>", _SPRINT),
            "<start> <a> <session> van {minutes} <min> (voor|aan|op) {task}",
            "<start> <a> <session> van {minutes} <min> <on>",
            "<start> [een|de] {minutes} (minuten|minuut) (focus|focussessie|pomodoro) <on>",
            "<start> <a> <session> (op|met|voor|bij) [de|het] <names> [timer]",
            "<start> <a> <session> (voor|aan) {task}",
            "<start> <a> <session>",
            "<a> <session> [van {minutes} <min>] (starten|beginnen) <on>",
            "focus {minutes} <min> op {task}",
            "focus op {task} (voor|gedurende) {minutes} <min>",
            "ik wil [me] {minutes} <min> focussen [op {task}]",
            "ik wil [me] (focussen|concentreren)",
        ),
        INTENT_START_BREAK: (
            ("<take> [een] lange pauze <on>", _LONG),
            "<take> [een] pauze van {minutes} <min> <on>",
            ("<take> [een] korte pauze <on>", _SHORT),
            "<take> een pauze <on>",
            "[een] pauze nemen <on>",
            "(tijd voor|ik heb behoefte aan|ik wil) een [korte] pauze",
        ),
        INTENT_PAUSE: (
            "pauzeer <the> <ref>",
            "(zet|leg) <the> <ref> (op pauze|stil)",
            "<the> <ref> pauzeren",
        ),
        INTENT_RESUME: (
            "(hervat|vervolg) <the> <any>",
            "ga [verder] met <the> <any> [verder]",
            "<the> <any> hervatten",
        ),
        INTENT_STOP: (
            "(stop|beëindig|annuleer|stopzetten) <the> <ref>",
            "<the> <ref> (stoppen|beëindigen|annuleren)",
            "stop met focussen",
        ),
        INTENT_SKIP: (
            ("sla <the> [korte|lange] pauze over <on>", _BREAK),
            ("<the> [korte|lange] pauze overslaan <on>", _BREAK),
            ("sla <the> (focussessie|focusblok|focustijd|pomodoro) over <on>", _FOCUS),
            ("<the> (focussessie|focusblok|focustijd|pomodoro) overslaan <on>", _FOCUS),
        ),
        INTENT_ADD_TIME: (
            "(voeg|doe) {minutes} <min> [extra] (toe aan|bij) <the> <any> [toe]",
            "(voeg|doe) {minutes} <min> [extra] (focus|focustijd) toe <on>",
            "verleng <the> <any> (met|voor) {minutes} <min>",
        ),
        INTENT_TIME_LEFT: (
            "hoe lang (duurt|loopt) <the> <any> nog",
            "hoeveel tijd (is er|heb ik) nog [over] (op|in|van|voor|bij) <the> <any>",
            "hoeveel (focustijd|pauzetijd|pomodorotijd) (is er|heb ik) nog [over] <on>",
            "hoe lang nog (tot|voor) [de|mijn] [volgende] [korte|lange] pauze",
            "hoe lang (nog|duurt het nog) tot <the> <ref> (klaar|voorbij|afgelopen) is",
            "resterende tijd (van|op|in) <the> <any>",
        ),
        INTENT_TODAY: (
            "hoeveel <many> (heb ik|deed ik) vandaag [gedaan|afgerond|voltooid] <on>",
            "hoeveel <many> vandaag <on>",
            "hoeveel (focustijd|tijd heb ik gefocust) [heb ik] vandaag [gehad] <on>",
            "hoe lang heb ik vandaag gefocust <on>",
        ),
        INTENT_TASK: (
            "(waar|waaraan) werk ik [nu] aan <on>",
            "waar ben ik [nu] mee bezig <on>",
            "wat is mijn (huidige taak|focustaak|taak) <on>",
        ),
    },
    answers={
        "focus_started": "Focus gestart voor {left}.",
        "focus_started_task": "Focus op {task} gestart voor {left}.",
        "short_break_started": "Korte pauze van {left}.",
        "long_break_started": "Lange pauze van {left}.",
        "paused": "Gepauzeerd, nog {left} over.",
        "resumed": "Hervat, nog {left} over.",
        "stopped": "De focustimer is gestopt.",
        "skipped": "Overgeslagen. {next}",
        "extended": "{added} toegevoegd, nog {left} over.",
        "left_focus": "Nog {left} in je focusblok.",
        "left_short_break": "Nog {left} pauze.",
        "left_long_break": "Nog {left} lange pauze.",
        "ready_focus": "Je volgende focusblok staat klaar.",
        "ready_short_break": "Je pauze staat klaar.",
        "ready_long_break": "Je lange pauze staat klaar.",
        "idle": "Er loopt niets.",
        "nothing_paused": "Er is niets gepauzeerd.",
        "not_on_break": "Je hebt nu geen pauze.",
        "not_in_focus": "Je zit nu niet in een focusblok.",
        "today": "Vandaag {blocks}, samen {minutes} focus.",
        "task": "Je werkt aan {task}.",
        "no_task": "Er is geen taak ingesteld.",
        "which": "Welke timer: {names}?",
        "no_timers": "Er is geen Tomatoes-timer ingesteld.",
        "unknown_timer": "Er is geen Tomatoes-timer met de naam {name}.",
        "bad_minutes": "Noem een aantal minuten tussen 1 en {max}.",
        "failed": "Sorry, dat is niet gelukt.",
    },
    minute=("minuut", "minuten"),
    block=("focusblok", "focusblokken"),
    less_than_a_minute="minder dan een minuut",
    or_word="of",
)
