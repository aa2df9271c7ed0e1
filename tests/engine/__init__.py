"""Tests of the pure Pomodoro engine (no Home Assistant)."""
