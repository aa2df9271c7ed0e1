"""Tomatoes in automations: what triggers and conditions mean, and how they follow the timers.

The platforms Home Assistant loads by name (trigger.py, condition.py, device_trigger.py,
device_condition.py) are thin: they validate their configuration and hand over to this
package, so the automation editor's triggers and the device triggers share one
implementation.
"""
