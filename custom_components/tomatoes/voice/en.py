"""English sentences and answers of Tomatoes' voice control."""

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
    code="en",
    macros={
        "the": "[the|my|this]",
        "start": "(start|begin)",
        "a": "[a|an|the|my]",
        "session": "(focus [session|block]|pomodoro [session])",
        "named": "<names> [focus] [timer|pomodoro]",
        "ref": "(focus [timer|session|block]|pomodoro [timer|session]|<named>)",
        "any": "(<ref>|[short|long] break)",
        "on": "[(on|in|with|for) [the|my] <named>]",
        "blocks": "(focus blocks|focus sessions|pomodoros)",
        "done": "[have i (done|completed|finished|had)|did i (do|complete|finish)]",
        "min": "minute[s]",
        "left": "(left|remaining)",
    },
    sentences={
        INTENT_START_FOCUS: (
            ("<start> <a> deep focus [session|block|mode] <on>", _DEEP),
            ("<start> <a> classic (pomodoro|focus session) <on>", _CLASSIC),
            ("<start> <a> sprint (pomodoro|focus session|session) <on>", _SPRINT),
            "<start> [a|an] {minutes} minute <session> (on|for) {task}",
            "<start> [a|an] {minutes} minute <session> <on>",
            "<start> <a> <session> (for|of) {minutes} <min> <on>",
            "<start> <a> <session> (on|in|with|for) [the|my] <named>",
            "<start> <a> <session> (on|for) {task}",
            "<start> <a> <session>",
            "<start> focusing [for {minutes} <min>] <on>",
            "focus on {task} for {minutes} <min>",
            "focus for {minutes} <min> on {task}",
            "focus for {minutes} <min> <on>",
            "(let's|time to|i want to|i need to) focus [for {minutes} <min>]",
        ),
        INTENT_START_BREAK: (
            ("(take|start|begin|have) <a> long break <on>", _LONG),
            ("time for a long break", _LONG),
            "(take|start|begin|have) [a|an] {minutes} minute break <on>",
            "(take|start|begin|have) <a> [short] break for {minutes} <min> <on>",
            ("(take|start|begin|have) <a> short break <on>", _SHORT),
            "(take|start|begin|have) <a> break <on>",
            "(time for|i need) a [short] break",
        ),
        INTENT_PAUSE: (
            "pause <the> <any>",
            "put <the> <any> on hold",
        ),
        INTENT_RESUME: ("(resume|continue|unpause) <the> <any>",),
        INTENT_STOP: (
            "(stop|cancel|end|finish) <the> <ref>",
            "stop focusing",
        ),
        INTENT_SKIP: (
            ("skip <the> [short|long] break <on>", _BREAK),
            ("end <the> break early <on>", _BREAK),
            ("skip <the> (focus [session|block]|pomodoro) <on>", _FOCUS),
        ),
        INTENT_ADD_TIME: (
            "add {minutes} [more] <min> to <the> <any>",
            "add {minutes} [more] <min> of focus",
            "extend <the> <any> by {minutes} <min>",
        ),
        INTENT_TIME_LEFT: (
            "how (long|much time) (is|do i have) <left> (on|in|of|for) <the> <any>",
            "how much (focus|pomodoro|break) time (is|do i have) <left> <on>",
            "how much longer (on|in|for) <the> <any>",
            "how long (until|till|before) <the> [next] [short|long] break",
            "how long (until|till|before) <the> <ref> (ends|is over|is done)",
            "how long does <the> <any> have left",
            "time <left> (on|in) <the> <any>",
        ),
        INTENT_TODAY: (
            "how many <blocks> <done> today <on>",
            "how much focus [time] [have i (had|done)|did i (get|do)] today <on>",
            "how long have i focused today <on>",
        ),
        INTENT_TASK: (
            "what am i (working|focusing) on [right now] <on>",
            "what is my (current|focus) task <on>",
        ),
    },
    answers={
        "focus_started": "Focusing for {left}.",
        "focus_started_task": "Focusing on {task} for {left}.",
        "short_break_started": "Short break for {left}.",
        "long_break_started": "Long break for {left}.",
        "paused": "Paused with {left} left.",
        "resumed": "Resumed, {left} left.",
        "stopped": "The focus timer is stopped.",
        "skipped": "Skipped. {next}",
        "extended": "Added {added}, {left} left.",
        "left_focus": "{left} left in your focus block.",
        "left_short_break": "{left} left in your break.",
        "left_long_break": "{left} left in your long break.",
        "ready_focus": "Your next focus block is ready to start.",
        "ready_short_break": "Your break is ready to start.",
        "ready_long_break": "Your long break is ready to start.",
        "idle": "Nothing is running.",
        "nothing_paused": "Nothing is paused.",
        "not_on_break": "You're not on a break.",
        "not_in_focus": "You're not in a focus block.",
        "today": "{blocks} today, {minutes} of focus.",
        "task": "You're working on {task}.",
        "no_task": "No task is set.",
        "which": "Which timer: {names}?",
        "no_timers": "No Tomatoes timer is set up.",
        "unknown_timer": "There is no Tomatoes timer called {name}.",
        "bad_minutes": "Say a number of minutes between 1 and {max}.",
        "failed": "Sorry, Tomatoes could not do that.",
    },
    minute=("minute", "minutes"),
    block=("focus block", "focus blocks"),
    less_than_a_minute="less than a minute",
    or_word="or",
)
