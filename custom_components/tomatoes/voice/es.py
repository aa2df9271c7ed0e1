"""Spanish sentences and answers of Tomatoes' voice control."""

from __future__ import annotations

from . import const as c
from .language import Language

LANGUAGE = Language(
    code="es",
    macros={
        "the": "[la|el|mi|esta|este]",
        "a": "[una|un|la|el|mi]",
        "start": "(empieza|inicia|comienza|arranca|empezar|iniciar|comenzar|arrancar|pon)",
        "session": "((sesión|sesion) de (concentración|concentracion|enfoque)|"
        "bloque de (concentración|concentracion)|pomodoro)",
        "timer": "(temporizador [de] <names>|<names>)",
        "ref": "(temporizador de (concentración|concentracion)|temporizador pomodoro|"
        "(sesión|sesion) de (concentración|concentracion|enfoque)|"
        "bloque de (concentración|concentracion)|(concentración|concentracion)|pomodoro|"
        "<timer>)",
        "any": "(<ref>|descanso [corto|largo])",
        "on": "[(en|con|para) [el|la] <timer>]",
        "min": "minuto[s]",
        "conc": "(concentración|concentracion)",
        "skip": "(salta|sáltate|saltate|omite|saltar|omitir)",
        "to": "(a la|al|a mi|a esta|a este|a)",
        "take": "(toma|tomar|tómate|tomarme|haz|hacer|inicia|iniciar|empieza|empezar)",
        "how": "(cuánto|cuanto)",
        "many": "(cuántos|cuantos) (pomodoros|bloques de (concentración|concentracion))",
    },
    sentences={
        c.INTENT_START_FOCUS: (
            ("<start> <a> (concentración|concentracion) profunda <on>", c.DEEP),
            ("<start> [el] modo (concentración|concentracion) profunda <on>", c.DEEP),
            ("<start> [un|el] pomodoro (clásico|clasico) <on>", c.CLASSIC),
            ("<start> [un|el] (pomodoro sprint|sprint de <conc>) <on>", c.SPRINT),
            "<start> <a> <session> de {minutes} <min> (en|para|sobre) {task}",
            "<start> <a> <session> de {minutes} <min> <on>",
            "<start> <a> <session> (en|con|para) [el|la] <timer>",
            "<start> <a> <session> (para|sobre) {task}",
            "<start> <a> <session>",
            "<start> {minutes} <min> de (concentración|concentracion|enfoque) <on>",
            "(quiero concentrarme|concentración|concentracion) en {task} durante {minutes} <min>",
            "(quiero|necesito) concentrarme [durante {minutes} <min>]",
        ),
        c.INTENT_START_BREAK: (
            ("<take> un descanso largo <on>", c.LONG),
            "<take> un descanso de {minutes} <min> <on>",
            ("<take> un descanso corto <on>", c.SHORT),
            "<take> un descanso <on>",
            "(toma|tomar|tómate|haz|hacer) una pausa <on>",
            "(es hora de|necesito) un descanso",
        ),
        c.INTENT_PAUSE: (
            "pausa <the> <ref>",
            "(pon|poner) <the> <ref> en pausa",
        ),
        c.INTENT_RESUME: (
            "(reanuda|continúa|continua|reanudar|continuar) <the> <any>",
            "sigue con <the> <any>",
        ),
        c.INTENT_STOP: (
            "(detén|deten|para|termina|cancela|detener|parar|terminar|cancelar) <the> <ref>",
            "deja de concentrarte",
        ),
        c.INTENT_SKIP: (
            ("<skip> <the> descanso [corto|largo] <on>", c.BREAK),
            ("termina <the> descanso antes <on>", c.BREAK),
            ("<skip> <the> <session> <on>", c.FOCUS),
        ),
        c.INTENT_ADD_TIME: (
            "(añade|agrega|suma|añadir|agregar) {minutes} <min> [más] <to> <any>",
            "(añade|agrega|suma) {minutes} <min> [más] de (concentración|concentracion) <on>",
            "(alarga|extiende|amplía|amplia|prolonga) <the> <any> [en] {minutes} <min>",
        ),
        c.INTENT_TIME_LEFT: (
            "<how> [tiempo] (queda|le queda|me queda|falta) (en|a|al|de|para) <the> <any>",
            "<how> tiempo de (concentración|concentracion|descanso) (queda|me queda) <on>",
            "<how> (queda|falta) para [el|mi] [próximo|proximo] descanso [corto|largo]",
            "<how> (queda|falta) para que (termine|acabe) <the> <ref>",
        ),
        c.INTENT_TODAY: (
            "<many> (he hecho|llevo|hice|he completado) hoy <on>",
            "<many> hoy <on>",
            "(cuántas|cuantas) sesiones de <conc> (he hecho|llevo|hice) hoy <on>",
            "<how> tiempo (de concentración|de concentracion|me he concentrado) hoy <on>",
        ),
        c.INTENT_TASK: (
            "en qué estoy trabajando [ahora] <on>",
            "en que estoy trabajando [ahora] <on>",
            "(cuál|cual) es mi tarea [actual] <on>",
        ),
    },
    answers={
        "focus_started": "Concentración iniciada: {left}.",
        "focus_started_task": "Concentración en {task} iniciada: {left}.",
        "short_break_started": "Descanso corto de {left}.",
        "long_break_started": "Descanso largo de {left}.",
        "paused": ("En pausa, queda {left}.", "En pausa, quedan {left}."),
        "resumed": ("Reanudado, queda {left}.", "Reanudado, quedan {left}."),
        "stopped": "El temporizador de concentración está detenido.",
        "skipped": "Saltado. {next}",
        "extended": ("He añadido {added}, queda {left}.", "He añadido {added}, quedan {left}."),
        "left_focus": (
            "Queda {left} en tu bloque de concentración.",
            "Quedan {left} en tu bloque de concentración.",
        ),
        "left_short_break": ("Queda {left} de descanso.", "Quedan {left} de descanso."),
        "left_long_break": ("Queda {left} de descanso largo.", "Quedan {left} de descanso largo."),
        "ready_focus": "Tu próximo bloque de concentración está listo para empezar.",
        "ready_short_break": "Tu descanso está listo para empezar.",
        "ready_long_break": "Tu descanso largo está listo para empezar.",
        "idle": "No hay nada en marcha.",
        "nothing_paused": "No hay nada en pausa.",
        "not_on_break": "No estás en un descanso.",
        "not_in_focus": "No estás en un bloque de concentración.",
        "today": "{blocks} hoy, {minutes} de concentración en total.",
        "task": "Estás trabajando en {task}.",
        "no_task": "No hay ninguna tarea definida.",
        "which": "¿Qué temporizador: {names}?",
        "no_timers": "No hay ningún temporizador de Tomatoes configurado.",
        "unknown_timer": "No hay ningún temporizador de Tomatoes llamado {name}.",
        "bad_minutes": "Di un número de minutos entre 1 y {max}.",
        "failed": "Lo siento, no ha funcionado.",
    },
    minute=("minuto", "minutos"),
    block=("bloque de concentración", "bloques de concentración"),
    less_than_a_minute="menos de un minuto",
    or_word="o",
)
