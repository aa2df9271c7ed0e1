"""Tests of the Tomatoes triggers, conditions, device automations and blueprints."""
