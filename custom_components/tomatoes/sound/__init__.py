"""Ambient sound: the sound library, its files, and playing it on media players during focus."""
