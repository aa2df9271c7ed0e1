"""Tests of the ambient sound: library, media source, HTTP view and playback."""
