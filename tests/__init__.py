"""Tests of the Tomatoes integration."""
