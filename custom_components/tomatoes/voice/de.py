"""German sentences and answers of Tomatoes' voice control."""

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
    code="de",
    macros={
        "the": "[der|die|das|den|dem|mein|meine|meinen|meinem|meiner|diese|diesen|dieser]",
        "a": "[eine|einen|ein|die|den|meine|meinen]",
        "start": "(starte|beginne|start)",
        "session": "(Fokuszeit|Fokussitzung|Fokusblock|Fokusphase|Konzentrationsphase|Pomodoro)",
        "ref": "(Fokustimer|Fokus Timer|Pomodorotimer|Pomodoro Timer|Fokuszeit|Fokussitzung|"
        "Fokusblock|Fokusphase|Konzentrationsphase|Pomodoro|<names> [Timer])",
        "any": "(<ref>|[kurze|lange|langen] Pause)",
        "on": "[(auf|am|beim|im|mit|für) [dem|der|den] <names> [Timer]]",
        "min": "(Minute|Minuten)",
        "remains": "(ist|bleibt|habe ich) [noch]",
        "blocks": "(Fokusblöcke|Pomodoros|Fokuszeiten|Fokussitzungen)",
        "had": "(habe ich|hatte ich|hab ich)",
        "deep": "(Deep Focus|tiefen Fokus|Tiefenfokus)",
    },
    sentences={
        INTENT_START_FOCUS: (
            ("<start> [den|einen] <deep> [Modus] <on>", _DEEP),
            ("<deep> (starten|beginnen) <on>", _DEEP),
            ("<start> [einen|den] klassischen Pomodoro <on>", _CLASSIC),
            ("klassischen Pomodoro (starten|beginnen) <on>", _CLASSIC),
            ("<start> [einen|den] (Sprint Pomodoro|Sprint Fokus|Sprint Pomodoro) <on>", _SPRINT),
            "<start> <a> <session> (von|für|über) {minutes} <min> (für|zu|an) {task}",
            "<start> <a> <session> (von|für|über) {minutes} <min> <on>",
            "<start> {minutes} <min> (Fokus|Fokuszeit|Pomodoro) <on>",
            "<start> <a> {minutes} minütige (Fokuszeit|Fokussitzung|Fokusphase) <on>",
            "<start> <a> <session> (auf|am|beim|im|mit) [dem|der|den] <names> [Timer]",
            "<start> <a> <session> (für|zu) {task}",
            "<start> <a> <session>",
            "<a> <session> [für {minutes} <min>] (starten|beginnen) <on>",
            "{minutes} <min> (Fokus|Fokuszeit|Pomodoro) (starten|beginnen) <on>",
            "Fokus auf {task} für {minutes} <min>",
            "ich (will|möchte) mich {minutes} <min> [lang] (konzentrieren|fokussieren)",
            "ich (will|möchte) mich [jetzt] (konzentrieren|fokussieren)",
        ),
        INTENT_START_BREAK: (
            ("(mach|mache|starte|beginne) [eine] lange Pause <on>", _LONG),
            ("[eine] lange Pause (machen|starten) <on>", _LONG),
            "(mach|mache|starte|beginne) eine {minutes} minütige Pause <on>",
            "(mach|mache|starte|beginne) [eine] [kurze] Pause von {minutes} <min> <on>",
            "{minutes} <min> Pause (machen|starten) <on>",
            ("(mach|mache|starte|beginne) [eine] kurze Pause <on>", _SHORT),
            ("kurze Pause (machen|starten) <on>", _SHORT),
            "(mach|mache|starte|beginne) eine Pause <on>",
            "eine Pause (machen|starten) <on>",
            "Zeit für eine [kurze] Pause",
            ("Zeit für eine lange Pause", _LONG),
            "ich brauche eine [kurze] Pause",
        ),
        INTENT_PAUSE: (
            "(pausiere|pausier|unterbrich) <the> <ref>",
            "<the> <ref> (pausieren|unterbrechen|anhalten)",
            "halte <the> <ref> an",
        ),
        INTENT_RESUME: (
            "setze <the> <any> fort",
            "<the> <any> fortsetzen",
            "(mach|mache) [mit] <the> <any> weiter",
            "<the> <any> (weiterlaufen lassen|weiter laufen lassen)",
        ),
        INTENT_STOP: (
            "(stoppe|stopp|stop|beende) <the> <ref>",
            "<the> <ref> (stoppen|beenden|abbrechen)",
            "brich <the> <ref> ab",
        ),
        INTENT_SKIP: (
            ("überspring[e] <the> [kurze|lange] Pause <on>", _BREAK),
            ("<the> [kurze|lange] Pause überspringen <on>", _BREAK),
            ("beende <the> Pause (früher|vorzeitig) <on>", _BREAK),
            ("überspring[e] <the> (Fokuszeit|Fokusblock|Fokusphase|Pomodoro) <on>", _FOCUS),
            ("<the> (Fokuszeit|Fokusblock|Fokusphase|Pomodoro) überspringen <on>", _FOCUS),
        ),
        INTENT_ADD_TIME: (
            "(füge|gib) <the> <any> {minutes} [weitere] <min> hinzu",
            "(füge|gib) {minutes} [weitere] <min> (zur|zum|zu der|zu dem) <any> hinzu",
            "verlängere <the> <any> um {minutes} <min>",
            "<the> <any> um {minutes} <min> verlängern",
            "{minutes} [weitere] <min> (Fokus|Fokuszeit) (hinzufügen|dazu)",
        ),
        INTENT_TIME_LEFT: (
            "wie lange (läuft|dauert) <the> <any> noch",
            "wie (lange|viel Zeit) <remains> (in|im|bei|beim|auf) <the> <any> [noch] [übrig]",
            "wie viel (Fokuszeit|Pomodorozeit|Pausenzeit) <remains> [übrig] <on>",
            "wie lange [noch] bis zur [nächsten] [kurzen|langen] Pause",
            "wie lange [noch] bis <the> <ref> (vorbei|zu Ende|fertig) ist",
            "Restzeit (der|des|von der|vom|beim|im) <any>",
        ),
        INTENT_TODAY: (
            "wie viele <blocks> (habe ich|hab ich) heute [gemacht|geschafft|erledigt] <on>",
            "wie viele <blocks> heute <on>",
            "wie viel (Fokuszeit|Fokus) <had> heute [gemacht|geschafft] <on>",
            "wie lange habe ich mich heute (konzentriert|fokussiert) <on>",
        ),
        INTENT_TASK: (
            "woran arbeite ich [gerade|jetzt] <on>",
            "was ist meine (aktuelle Aufgabe|Fokusaufgabe) <on>",
        ),
    },
    answers={
        "focus_started": "Fokuszeit gestartet, {left}.",
        "focus_started_task": "Fokuszeit für {task} gestartet, {left}.",
        "short_break_started": "Kurze Pause, {left}.",
        "long_break_started": "Lange Pause, {left}.",
        "paused": "Pausiert, noch {left}.",
        "resumed": "Weiter geht's, noch {left}.",
        "stopped": "Der Fokus-Timer ist gestoppt.",
        "skipped": "Übersprungen. {next}",
        "extended": "{added} hinzugefügt, noch {left}.",
        "left_focus": "Noch {left} in deinem Fokusblock.",
        "left_short_break": "Noch {left} Pause.",
        "left_long_break": "Noch {left} lange Pause.",
        "ready_focus": "Dein nächster Fokusblock kann starten.",
        "ready_short_break": "Deine Pause kann starten.",
        "ready_long_break": "Deine lange Pause kann starten.",
        "idle": "Es läuft nichts.",
        "nothing_paused": "Es ist nichts pausiert.",
        "not_on_break": "Du bist gerade nicht in einer Pause.",
        "not_in_focus": "Du bist gerade nicht in einem Fokusblock.",
        "today": "Heute {blocks}, {minutes} Fokuszeit.",
        "task": "Du arbeitest an {task}.",
        "no_task": "Es ist keine Aufgabe festgelegt.",
        "which": "Welcher Timer: {names}?",
        "no_timers": "Es ist kein Tomatoes-Timer eingerichtet.",
        "unknown_timer": "Es gibt keinen Tomatoes-Timer namens {name}.",
        "bad_minutes": "Nenne eine Zahl von Minuten zwischen 1 und {max}.",
        "failed": "Das hat leider nicht geklappt.",
    },
    minute=("Minute", "Minuten"),
    block=("Fokusblock", "Fokusblöcke"),
    less_than_a_minute="weniger als eine Minute",
    or_word="oder",
)
