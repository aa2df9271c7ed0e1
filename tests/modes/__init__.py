"""Tests of focus modes."""
