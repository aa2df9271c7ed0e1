"""Focus lighting: dim the chosen lights for focus and give each back exactly as it was."""
